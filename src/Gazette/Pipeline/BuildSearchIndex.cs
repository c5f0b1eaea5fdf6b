using Gazette.Model;
using Gazette.Output;
using Gazette.Search;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>Writes the client-side search index (docs/search-index.md) of every published document under search/.</summary>
public sealed class BuildSearchIndex
{
    public const string Folder = "search/";

    public IReadOnlyList<OutputFile> Run(Archive archive, UiStrings strings) =>
        new SearchIndexWriter(archive.Config).Run(archive, strings).Select(f => new OutputFile(Folder + f.Path, f.Bytes)).ToList();
}
