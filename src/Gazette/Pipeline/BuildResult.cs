using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>What a build did: every diagnostic, and when it succeeded, what it wrote.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Documents, int Withheld, int Pages, int Files)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>How long each part of the build took.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took)> Timings { get; init; } = [];
}
