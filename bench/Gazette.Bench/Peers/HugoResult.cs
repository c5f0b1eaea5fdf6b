using Gazette.Bench.Measure;

namespace Gazette.Bench.Peers;

/// <summary>What Hugo did on one corpus: every build of the run (alternating with Gazette's), the site it wrote, or why it has no figures.</summary>
public sealed class HugoResult
{
    /// <summary>Hugo and its version as <c>hugo version</c> prints it, e.g. "Hugo 0.111.3".</summary>
    public required string Tool { get; init; }

    /// <summary>Why there are no figures (not installed, skipped at this size, a build that failed); null when there are.</summary>
    public string? DidNotFinish { get; set; }

    /// <summary>Every build, in the order run; each into a new empty folder.</summary>
    public List<ChildResult> Runs { get; } = [];

    /// <summary>The published documents written into the Hugo site (those Gazette publishes).</summary>
    public int Documents { get; set; }

    /// <summary>Bytes of the Hugo site's document files (front matter and Markdown).</summary>
    public long MarkdownBytes { get; set; }

    /// <summary>Pages Hugo says it made (its "Pages" line), from the last build.</summary>
    public int? Pages { get; set; }

    /// <summary>Document pages found in the output of the last build (documents/**/index.html).</summary>
    public int DocumentPages { get; set; }

    /// <summary>Size of the last build's output.</summary>
    public long SiteBytes { get; set; }

    /// <summary>Files of the last build's output.</summary>
    public int SiteFiles { get; set; }

    /// <summary>The median wall time of the successful builds.</summary>
    public TimeSpan? Wall => BenchRun.Median(Runs.Where(r => r.Succeeded).Select(r => r.Wall.TotalSeconds)) is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>The median peak resident memory of the successful builds.</summary>
    public long? PeakRss => BenchRun.Median(Runs.Where(r => r.Succeeded).Select(r => (double)r.PeakRssBytes)) is { } b ? (long)b : null;
}
