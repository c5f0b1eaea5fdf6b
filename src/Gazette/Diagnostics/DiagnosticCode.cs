namespace Gazette.Diagnostics;

/// <summary>A stable diagnostic code; tests and editors rely on <see cref="Id"/> never changing meaning.</summary>
public sealed record DiagnosticCode(string Id, string Title)
{
    public override string ToString() => Id;
}
