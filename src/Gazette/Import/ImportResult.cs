namespace Gazette.Import;

/// <summary>What an import did.</summary>
/// <param name="Written">content files written, relative to the site root.</param>
/// <param name="Drafts">how many of them are drafts (a field holds a stand-in value).</param>
/// <param name="Kept">source files whose content file already existed and was left as it is.</param>
/// <param name="Failures">source files that could not be imported, each with why.</param>
/// <param name="Skipped">source files in no format the importer reads (a README beside the documents), each with why.</param>
/// <param name="Todos">everything left to review, in file order.</param>
/// <param name="GenresAdded">genres added to content/genres.yml.</param>
/// <param name="WithoutOrgan">written files whose organ is still to be given (the site does not build until it is).</param>
public sealed record ImportResult(
    IReadOnlyList<string> Written,
    int Drafts,
    IReadOnlyList<string> Kept,
    IReadOnlyList<(string Source, string Why)> Failures,
    IReadOnlyList<(string Source, string Why)> Skipped,
    IReadOnlyList<ImportTodo> Todos,
    IReadOnlyList<string> GenresAdded,
    IReadOnlyList<string> WithoutOrgan);
