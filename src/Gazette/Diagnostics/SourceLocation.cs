namespace Gazette.Diagnostics;

/// <summary>A place in a content file: path relative to the site root with forward slashes, 1-based line and column.</summary>
public sealed record SourceLocation(string Path, int Line = 1, int Column = 1)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";

    public SourceLocation Offset(int lines) => this with { Line = Line + lines };
}
