using Gazette.Checks;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>What <c>gazette check</c> found: every diagnostic and, when the content has no errors, the report.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, CheckReport? Report)
{
    public bool Succeeded => Report is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}
