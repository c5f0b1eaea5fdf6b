using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Sample;

/// <summary>The repository's sample site, built once into a temporary folder and only read by the tests that share it.</summary>
public sealed class SampleSite : IDisposable
{
    public SampleSite()
    {
        Output = Path.Combine(Path.GetTempPath(), "gazette-sample-" + Guid.NewGuid().ToString("N")[..12]);
        Options = BuildOptions.ForSite(Repository.Root, output: Output);
        Result = new BuildPipeline().Run(Options);
        Assert.True(Result.Succeeded, "the sample site does not build:\n" + string.Join("\n", Result.Diagnostics));
        var diagnostics = new DiagnosticBag();
        var content = new ReadContentFiles().Run(Options, diagnostics);
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        Documents = new AssignIndexNumbers().Run(new ParseDocuments().Run(content, config, diagnostics), config, diagnostics);
        Urls = new SiteUrls(config.Site.BasePath);
    }

    public string Output { get; }

    public BuildOptions Options { get; }

    public BuildResult Result { get; }

    /// <summary>Every document of the sample content, published or not, with index numbers assigned.</summary>
    public IReadOnlyList<Document> Documents { get; }

    public SiteUrls Urls { get; }

    public IEnumerable<string> Files => Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal);

    public string Read(string path) => File.ReadAllText(Path.Combine(Output, path));

    public string PageOf(Document document) => Read(Urls.ToOutputPath(Urls.Document(document.IndexNumber!)));

    public Document Find(string id) => Documents.Single(d => d.Id == id);

    /// <summary>The Markdown body of a document, read again from its file as the build reads it.</summary>
    public string Body(Document document) => new ReadDocumentBodies().Run(Options, [document], new DiagnosticBag())[0];

    public void Dispose() => Directory.Delete(Output, recursive: true);
}
