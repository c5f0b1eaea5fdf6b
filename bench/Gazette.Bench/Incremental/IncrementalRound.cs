using Gazette.Bench.Measure;

namespace Gazette.Bench.Incremental;

/// <summary>One incremental build: the process, what its last line says, and what the output folder shows it changed.</summary>
/// <param name="Name">"1", "2", … for a round that changed the document; "restored" for the build after its bytes were put back.</param>
/// <param name="Summary">The CLI's figures; null when the build failed or its last line was not understood.</param>
/// <param name="Changes">The files added, removed and written again; null when the build failed.</param>
public sealed record IncrementalRound(string Name, ChildResult Build, BuildSummary? Summary, OutputChanges? Changes)
{
    /// <summary>Whether the files the output folder shows written (added and written again) are as many as the CLI says it wrote; null when unknown.</summary>
    public bool? WrittenAsSaid => Summary is { } s && Changes is { } c ? s.Written == c.Written : null;
}
