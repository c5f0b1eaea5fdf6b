using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.BrowserTests;

/// <summary>The sample content's documents with their permalinks, read with the engine's own stages.</summary>
public static class SampleDocuments
{
    private static readonly Lazy<(IReadOnlyList<Document> Documents, SiteUrls Urls)> Loaded = new(Load);

    /// <summary>Every document of the sample content, published or not, with index numbers assigned.</summary>
    public static IReadOnlyList<Document> All => Loaded.Value.Documents;

    /// <summary>The Markdown body of a document, read again from its file as the build reads it.</summary>
    public static string Body(Document document) =>
        new ReadDocumentBodies().Run(BuildOptions.ForSite(BrowserFixture.RepositoryRoot), [document], new DiagnosticBag())[0];

    public static Document Find(string id) => Loaded.Value.Documents.Single(d => d.Id == id);

    /// <summary>The root-relative permalink of a document.</summary>
    public static string Url(string id) => Loaded.Value.Urls.Document(Find(id).IndexNumber!);

    private static (IReadOnlyList<Document>, SiteUrls) Load()
    {
        var options = BuildOptions.ForSite(BrowserFixture.RepositoryRoot);
        var diagnostics = new DiagnosticBag();
        var content = new ReadContentFiles().Run(options, diagnostics);
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        var documents = new AssignIndexNumbers().Run(new ParseDocuments().Run(content, config, diagnostics), config, diagnostics);
        return (documents, new SiteUrls(config.Site.BasePath));
    }
}
