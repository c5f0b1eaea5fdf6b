namespace Gazette.Diagnostics;

/// <summary>Collects the problems one stage finds; a stage returns them with its result.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Error(SourceLocation at, DiagnosticCode code, string message, string? hint = null) =>
        _items.Add(new Diagnostic(at, Severity.Error, code, message, hint));

    public void Warning(SourceLocation at, DiagnosticCode code, string message, string? hint = null) =>
        _items.Add(new Diagnostic(at, Severity.Warning, code, message, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
