namespace Gazette.Diagnostics;

/// <summary>
/// A place in a content file: path relative to the site root with forward slashes, 1-based line and column. A setting that is
/// not in a file (an environment variable) has line 0 and prints without line and column.
/// </summary>
public sealed record SourceLocation(string Path, int Line = 1, int Column = 1)
{
    /// <summary>The environment variable <paramref name="variable"/>, printed <c>environment:NAME</c>.</summary>
    public static SourceLocation Environment(string variable) => new("environment:" + variable, 0, 0);

    public override string ToString() => Line == 0 ? Path : $"{Path}:{Line}:{Column}";

    public SourceLocation Offset(int lines) => this with { Line = Line + lines };
}
