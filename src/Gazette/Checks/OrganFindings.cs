using Gazette.Model;

namespace Gazette.Checks;

/// <summary>What <c>gazette check</c> found for one organ, kind by kind in <see cref="FindingKind.All"/> order.</summary>
public sealed record OrganFindings(Organ Organ, IReadOnlyList<Finding> Findings)
{
    public IReadOnlyList<Finding> Of(FindingKind kind) => [.. Findings.Where(f => f.Kind == kind)];
}
