using Gazette.Bench.Measure;

namespace Gazette.Bench.Incremental;

/// <summary>The incremental builds of one size (<see cref="IncrementalBuilds"/>), or why there are none.</summary>
public sealed class IncrementalResult
{
    /// <summary>The document changed in each round, relative to the corpus (content/documents/…).</summary>
    public required string Document { get; init; }

    /// <summary>The first build with a build cache, into an empty folder and an empty cache.</summary>
    public required ChildResult FirstBuild { get; init; }

    /// <summary>The files of the first build's output.</summary>
    public int FirstBuildFiles { get; set; }

    /// <summary>The rounds that each appended a sentence to the document and built again, in order.</summary>
    public List<IncrementalRound> Rounds { get; } = [];

    /// <summary>
    /// The rounds after those, that each changed the document's title once more (（修订） added at its end): its metadata, shown
    /// on the pages that list it and on those of the documents related to it, in order.
    /// </summary>
    public List<IncrementalRound> TitleRounds { get; } = [];

    /// <summary>The build after the document's bytes were put back; null when not made (an earlier build failed).</summary>
    public IncrementalRound? Restored { get; set; }

    /// <summary>Why the rounds or the comparison were not made; null when they were.</summary>
    public string? NotMeasured { get; set; }

    /// <summary>Files compared with the clean build's output.</summary>
    public int Compared { get; set; }

    /// <summary>Files that differ from the clean build's output (in one folder only, or other bytes); null when not compared.</summary>
    public int? Differences { get; set; }

    /// <summary>The first of <see cref="Differences"/>, in path order, each with how it differs.</summary>
    public List<string> FirstDifferences { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>The median wall time of the rounds, when every one succeeded.</summary>
    public TimeSpan? Median => MedianOf(Rounds);

    /// <summary>The median wall time of the title rounds, when every one succeeded.</summary>
    public TimeSpan? TitleMedian => MedianOf(TitleRounds);

    private static TimeSpan? MedianOf(List<IncrementalRound> rounds) =>
        rounds.Count > 0 && rounds.All(r => r.Build.Succeeded) ? TimeSpan.FromSeconds(BenchRun.Median(rounds.Select(r => r.Build.Wall.TotalSeconds))!.Value) : null;
}
