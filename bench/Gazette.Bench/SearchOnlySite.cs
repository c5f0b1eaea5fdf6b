using System.Diagnostics;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.Bench;

/// <summary>
/// The fallback when the full build of a corpus does not fit the benchmark's limits: Gazette's own pipeline stages, in the
/// order <see cref="BuildPipeline"/> runs them, but rendering only the search page (and the 404 page) instead of every page,
/// then the real search index stage and the real writer. The result is a site with the search page, the theme's assets and
/// the complete search/ folder: enough to measure the index, its first-search cost in the browser and its recall, and to see
/// what the index stage itself costs in memory (each progress line carries the process's memory at that moment).
/// </summary>
public static class SearchOnlySite
{
    public static int Run(string root, string output, string theme)
    {
        var watch = Stopwatch.StartNew();
        var options = BuildOptions.ForSite(root, output, theme);
        var diagnostics = new DiagnosticBag();
        Step("reading content");
        var content = new ReadContentFiles().Run(options, diagnostics);
        var themeFiles = new ReadTheme().Run(options, diagnostics);
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        var issues = new ParseGazetteIssues().Run(content, diagnostics);
        var documents = new ParseDocuments().Run(content, config, diagnostics);
        new CheckReferences().Run(documents, issues, diagnostics);
        documents = new AssignIndexNumbers().Run(documents, config, diagnostics);
        var compiled = themeFiles is null ? null : new ParseTheme().Run(themeFiles, config.Site.Language, diagnostics);
        if (diagnostics.HasErrors || compiled is null)
        {
            foreach (var d in diagnostics.Items.Take(20))
            {
                Console.Error.WriteLine(d);
            }

            return 1;
        }

        var published = new SelectPublicDocuments().Run(documents);
        var urls = new SiteUrls(config.Site.BasePath);
        Step($"rendering the Markdown of {published.Count} documents (text for the index)");
        var rendered = new RenderMarkdown().Run(published, documents, urls, diagnostics);
        Step("Markdown rendered (RenderMarkdown); building the archive (BuildArchive)");
        var archive = new BuildArchive().Run(config, urls, rendered, issues);
        var (assetUrls, assetFiles) = new FingerprintAssets().Run(compiled.Assets, urls);
        Step("archive built; planning every page (PlanPages) and rendering the search and 404 pages");
        var pages = new PlanPages().Run(archive, compiled.Strings).Where(p => p.Kind is "search" or "not-found").ToList();
        var html = new RenderPages().Run(pages, compiled, archive, assetUrls, diagnostics);
        GC.Collect();
        Step("building the search index (BuildSearchIndex)");
        var before = Environment.WorkingSet;
        var indexWatch = Stopwatch.StartNew();
        var search = new BuildSearchIndex().Run(archive, compiled.Strings);
        indexWatch.Stop();
        Step($"search index built in {indexWatch.Elapsed.TotalSeconds:N1} s: {search.Count} files, working set {before / 1048576.0:N0} MB before the stage");
        if (diagnostics.HasErrors)
        {
            return 1;
        }

        Step("writing");
        new WriteSite().Run(html.Concat(assetFiles).Concat(search).ToList(), options.OutputDirectory);
        Step($"done in {watch.Elapsed.TotalSeconds:N1} s");
        return 0;

        static void Step(string text)
        {
            Console.WriteLine($"{text}… (GC heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB)");
            Console.Out.Flush();
        }
    }
}
