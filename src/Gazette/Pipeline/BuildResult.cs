using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>What a build did: every diagnostic, and when it succeeded, what it wrote.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Documents, int Withheld, int Pages, int Files)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Of <see cref="Files"/>, those the output folder already held with the same bytes: not written again.</summary>
    public int Unchanged { get; init; }

    /// <summary>Of <see cref="Pages"/>, those rendered: the others were kept as the output folder held them, made from the same inputs.</summary>
    public int Rendered { get; init; }

    /// <summary>Of <see cref="Documents"/>, those the search index indexed: the others' postings came from the last build's (build cache).</summary>
    public int Indexed { get; init; }

    /// <summary>Published documents taken from the build cache's memo (<see cref="DocumentMemo"/>): not read, converted or planned.</summary>
    public int Recalled { get; init; }

    /// <summary>
    /// Blocks of documents in the catalogue files (catalogue.json and catalogue.csv, <see cref="BuildOpenData.BlockSize"/> each)
    /// copied from the files the last build wrote, their documents being as they were: the others were made.
    /// </summary>
    public int CatalogueBlocksCopied { get; init; }

    /// <summary>
    /// Whether the pages that list documents, the sitemap, the feeds and Netlify's files were kept as the last build made them,
    /// without being planned or rendered: it was made in the same context (<see cref="ContextOutputs"/>).
    /// </summary>
    public bool ListingsKept { get; init; }

    /// <summary>How long each part of the build took.</summary>
    public IReadOnlyList<StageTime> Timings { get; init; } = [];
}
