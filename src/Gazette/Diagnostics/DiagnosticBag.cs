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

    /// <summary>
    /// Maps 0 … <paramref name="count"/> − 1 on several threads, each item with a bag of its own, and adds the items'
    /// diagnostics here in item order, so the report does not depend on which thread finished first.
    /// </summary>
    public TOut[] MapInParallel<TOut>(int count, Func<int, DiagnosticBag, TOut> map)
    {
        var results = new TOut[count];
        var found = new DiagnosticBag?[count];
        Parallel.For(0, count, i =>
        {
            var local = new DiagnosticBag();
            results[i] = map(i, local);
            found[i] = local._items.Count > 0 ? local : null;
        });
        foreach (var bag in found)
        {
            if (bag is not null)
            {
                _items.AddRange(bag._items);
            }
        }

        return results;
    }
}
