using System.Diagnostics;
using System.Net;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Pipeline;
using Gazette.Rendering;

namespace Gazette.Bench;

/// <summary>
/// A site with only the search page, the 404 page, the theme's assets and the complete search/ folder, made by Gazette's own
/// stages in the order <see cref="BuildPipeline"/> runs them: every body is read and rendered (a batch at a time, as the build
/// does) for its searchable text, but no listing page is rendered, and a document's page holds only its body between the markers
/// the search page reads a candidate's text from (PageText). Enough to measure the index, its first-search cost in the browser
/// and its recall, and what the index stage itself costs (each line carries the managed heap's size).
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
        if (Report(diagnostics) || compiled is null)
        {
            return 1;
        }

        var published = new SelectPublicDocuments().Run(documents);
        var archive = new BuildArchive().Run(config, new SiteUrls(config.Site.BasePath), published, issues);
        var (assetUrls, assetFiles) = new FingerprintAssets().Run(compiled.Assets, archive.Urls);
        var markdown = new RenderMarkdown(archive, documents);
        var search = new BuildSearchIndex(config);
        using var site = new WriteSite(options.OutputDirectory);
        site.Write(assetFiles);

        Step($"reading and rendering the bodies of {published.Count} documents and indexing them (BuildSearchIndex.Add)");
        var indexWatch = new Stopwatch();
        foreach (var (index, batch) in archive.Documents.Chunk(BuildPipeline.BatchSize).Index())
        {
            if (index > 0 && index % 16 == 0)
            {
                Step($"indexed {index * BuildPipeline.BatchSize} documents");
            }

            var rendered = markdown.Run(batch, new ReadDocumentBodies().Run(options, batch.Select(d => d.Source).ToList(), diagnostics), diagnostics);
            indexWatch.Start();
            search.Add(batch, rendered);
            indexWatch.Stop();
            site.Write([.. batch.Select((d, i) => new OutputFile(archive.Urls.ToOutputPath(d.Url),
                Encoding.UTF8.GetBytes($"<!DOCTYPE html><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(d.Source.Title)}</title>{PageText.Mark(rendered[i].Html)}")))]);
        }

        Step("every document indexed; finishing the search index (BuildSearchIndex.Finish)");
        indexWatch.Start();
        search.Finish(archive, compiled.Strings, site.Write);
        indexWatch.Stop();
        Step("search index finished and written");
        var pages = new PlanPages().Run(archive, compiled.Strings).Where(p => p.Kind is "search" or "not-found").ToList();
        site.Write(new RenderPages().Run(pages, compiled, archive, assetUrls, diagnostics));
        if (Report(diagnostics))
        {
            return 1;
        }

        site.Commit();
        Step($"done in {watch.Elapsed.TotalSeconds:N1} s, of which {indexWatch.Elapsed.TotalSeconds:N1} s in the search index stage; {site.Count} files");
        return 0;

        static void Step(string text)
        {
            // BENCH_LIVE_HEAP=1 collects first, so the figure is what is alive at that moment (slower; for finding what grows).
            var live = Environment.GetEnvironmentVariable("BENCH_LIVE_HEAP") == "1";
            var heap = GC.GetTotalMemory(forceFullCollection: live) / 1048576.0;
            Console.WriteLine($"{text}… ({(live ? "live" : "GC")} heap {heap:N0} MB, resident {Environment.WorkingSet / 1048576.0:N0} MB)");
            Console.Out.Flush();
        }

        static bool Report(DiagnosticBag diagnostics)
        {
            foreach (var d in diagnostics.Items.Take(20))
            {
                Console.Error.WriteLine(d);
            }

            return diagnostics.HasErrors;
        }
    }
}
