using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// The whole build, in order. Read stages touch the disk, the stages between them are pure, and only <see cref="WriteSite"/>
/// writes. Checking stops before anything is rendered when the content has errors, so a bad build writes nothing.
/// </summary>
public sealed class BuildPipeline
{
    public BuildResult Run(BuildOptions options, IProgress<string>? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new StageClock();
        BuildResult Failed() => new(Sorted(diagnostics), 0, 0, 0, 0) { Timings = clock.Laps };

        // Input
        progress?.Report("reading content");
        var content = new ReadContentFiles().Run(options, diagnostics);
        var themeFiles = new ReadTheme().Run(options, diagnostics);
        clock.Lap("read");

        // Process: read the model and check it
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        var issues = new ParseGazetteIssues().Run(content, diagnostics);
        var documents = new ParseDocuments().Run(content, config, diagnostics);
        new CheckReferences().Run(documents, issues, diagnostics);
        documents = new AssignIndexNumbers().Run(documents, config, diagnostics);
        var theme = themeFiles is null ? null : new ParseTheme().Run(themeFiles, config.Site.Language, diagnostics);
        clock.Lap("parse and check");
        if (diagnostics.HasErrors || theme is null)
        {
            return Failed();
        }

        // Only 主动公开 documents go further: nothing of the others reaches a stage that renders.
        var published = new SelectPublicDocuments().Run(documents);
        var urls = new SiteUrls(config.Site.BasePath);
        progress?.Report($"rendering {published.Count} documents");
        var rendered = new RenderMarkdown().Run(published, documents, urls, diagnostics);
        clock.Lap("markdown");
        if (diagnostics.HasErrors)
        {
            return Failed();
        }

        // Post-process: everything that sees the whole archive
        var archive = new BuildArchive().Run(config, urls, rendered, issues);
        var (assetUrls, assetFiles) = new FingerprintAssets().Run(theme.Assets, urls);
        var pages = new PlanPages().Run(archive, theme.Strings);
        clock.Lap("plan pages");
        var html = new RenderPages().Run(pages, theme, archive, assetUrls, diagnostics);
        clock.Lap("render pages");
        var attachments = new CollectAttachments().Run(archive, options);
        var search = new BuildSearchIndex().Run(archive, theme.Strings);
        clock.Lap("search index");
        if (diagnostics.HasErrors)
        {
            return Failed();
        }

        // Output
        var files = html.Concat(assetFiles).Concat(attachments).Concat(search).ToList();
        progress?.Report($"writing {files.Count} files");
        new WriteSite().Run(files, options.OutputDirectory);
        clock.Lap("write");
        return new BuildResult(Sorted(diagnostics), published.Count, documents.Count - published.Count, html.Count, files.Count) { Timings = clock.Laps };
    }

    private static IReadOnlyList<Diagnostic> Sorted(DiagnosticBag diagnostics) =>
        diagnostics.Items
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code.Id, StringComparer.Ordinal)
            .Distinct()
            .ToList();
}
