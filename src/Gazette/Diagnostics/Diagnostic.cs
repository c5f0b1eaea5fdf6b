namespace Gazette.Diagnostics;

/// <summary>One problem found in content, printed GCC style so editors can jump to it.</summary>
public sealed record Diagnostic(SourceLocation Location, Severity Severity, DiagnosticCode Code, string Message, string? Hint = null)
{
    public override string ToString()
    {
        var level = Severity == Severity.Error ? "error" : "warning";
        var line = $"{Location}: {level}: {Message} [{Code.Id}]";
        return Hint is null ? line : $"{line}\n  hint: {Hint}";
    }
}
