using Gazette.Diagnostics;
using Gazette.Reports;

namespace Gazette.Pipeline;

/// <summary>What <c>gazette report annual</c> found: every diagnostic and, when the content has no errors, table 二.</summary>
public sealed record AnnualReportResult(IReadOnlyList<Diagnostic> Diagnostics, AnnualTable? Table)
{
    public bool Succeeded => Table is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}
