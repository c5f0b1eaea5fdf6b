using System.Runtime.InteropServices;
using Gazette.Audit;
using Gazette.Calendar;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Privacy;
using Gazette.Rendering;
using Gazette.Reports;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// The whole build, in order. Read stages touch the disk and <see cref="WriteSite"/> writes; the stages between them are pure.
/// Checking stops before anything is rendered when the content has errors. The site is then made and written as it goes —
/// documents a batch at a time, so a build holds one batch of bodies and pages, never all of them — into a staging folder
/// that replaces the output folder only when the whole build succeeded: a failed build writes nothing.
/// </summary>
public sealed class BuildPipeline
{
    /// <summary>How many documents are rendered together: their bodies, pages and search texts are in memory at once.</summary>
    public const int BatchSize = 256;

    /// <summary>How many documents are looked up in the memo together, and rendered together when at most <see cref="BatchSize"/> of them are to be made.</summary>
    public const int KnownBatchSize = 4096;

    /// <param name="progress">told what the build is doing, at each stage.</param>
    /// <param name="rendering">told how many documents of how many are rendered, after each batch.</param>
    public BuildResult Run(BuildOptions options, IProgress<string>? progress = null, IProgress<(int Done, int Total)>? rendering = null)
    {
        var diagnostics = new DiagnosticBag();
        var clock = new StageClock();
        BuildResult Failed() => new(Sorted(diagnostics), 0, 0, 0, 0) { Timings = clock.Laps };

        // Input and process: the typed model, checked; and the key that signs the integrity manifest, when one was given
        progress?.Report("reading content");
        using var signing = new ParseSigningKey().Run(options, diagnostics);
        var (config, issues, documents, calendar, theme, parsed) = ReadAndCheck(options, diagnostics, clock);
        if (diagnostics.HasErrors || theme is null)
        {
            parsed?.Save(); // what was parsed, for the next build
            return Failed();
        }

        // Timeliness and completeness (what `gazette check` reports): warnings of a build that succeeds, which nothing written
        // depends on; found on other threads while the build goes on, and reported only when it has succeeded
        var checking = Task.Run(() =>
        {
            var warnings = new DiagnosticBag();
            new CheckArchive().Warn(config, documents, calendar, warnings);
            return Sorted(warnings); // sorted here, not with the build's own at its end (0.1 s of 60,000 warnings at 50,000 documents)
        });

        // With a cache, what the last build left is read on other threads while the archive is built: the record of the output
        // folder, and the memo of the documents (used only if it was made in this build's context, known once the archive is)
        var preparing = WriteSite.Prepare(options.OutputDirectory, options.CacheDirectory);
        var readingMemo = options.CacheDirectory is null || parsed is null ? null : Task.Run(() => DocumentMemo.Read(options.CacheDirectory, options.ContentDirectory));

        // Only 主动公开 documents go further: nothing of the others reaches a stage that renders.
        var published = new SelectPublicDocuments().Run(documents);

        // Privacy screen (DOMAIN rule 2): personal data in what a published document shows is an error, unless the document says
        // privacy: mask — its texts are masked here, before any view is made, its body and text attachments batch by batch below —
        // or privacy: reviewed. Birth dates are judged by today's date in China (UTC+8).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        // What only the withheld documents hold, for the audit of the finished site (DOMAIN rule 1): their titles, numbers and
        // longest sentences, less what a published document holds too (set aside batch by batch below); taken on another thread
        // while the archive is built (nothing below uses the parsed documents' cache until it is waited for)
        var withheldDiagnostics = new DiagnosticBag();
        var collecting = Task.Run(() => new CollectWithheldText().Run(options, documents, withheldDiagnostics, parsed));

        var privacy = new ScreenPersonalData(new PersonalDataScanner(today));
        published = privacy.Fields(published, diagnostics);
        var archive = new BuildArchive().Run(config, new SiteUrls(config.Site.BasePath), published, issues);
        var (assetUrls, assetFiles) = new FingerprintAssets().Run(theme.Assets, archive.Urls);
        var attachments = new CollectAttachments().Run(archive, options);
        var adminScript = new ReadAdminScript().Run(options, diagnostics);
        var admin = adminScript is null ? [] : new BuildAdminPage().Run(config, theme, assetUrls, adminScript, diagnostics);
        var identityLanding = admin.Count > 0 && config.Site.Admin.Backend == "git-gateway" ? archive.Urls.BasePath + BuildAdminPage.Folder : null;
        var markdown = new RenderMarkdown(archive, documents);
        var keys = options.CacheDirectory is null ? null : new KeyPages(theme, archive, assetUrls, identityLanding); // no cache: nothing to reuse or record
        using var search = new BuildSearchIndex(config, archive, options.CacheDirectory, options.OutputDirectory); // with a cache: patched from the last build's
        var sitemap = new BuildSitemap();
        var openData = new BuildOpenData(archive, options.CacheDirectory, options.OutputDirectory);
        clock.Lap("archive");

        var withheld = collecting.GetAwaiter().GetResult();
        diagnostics.AddRange(withheldDiagnostics.Items);
        clock.Lap("audit");

        // The parsed documents and the passages taken from them, for the next build, written while this one goes on (whether it
        // succeeds or not)
        using var savingParsed = parsed is null ? null : new Alongside(parsed.Save);

        // With a cache: what the last build made of each document whose file and surroundings are as they were, in the same context
        var memo = keys is null || readingMemo is null ? null : DocumentMemo.Open(readingMemo.GetAwaiter().GetResult(),
            DocumentMemo.Context(parsed!.Context, keys.Shared, archive, today, withheld.Digest()));
        clock.Lap("document memo");
        var (ownMetadata, surroundings) = memo is null ? ([], []) : DocumentMemo.Metadata(archive, parsed!.MetadataOf);

        // With the memo, for each document in the archive's order: the digest the memo knows it by (its file's and its
        // surroundings'), and what the memo recalls of it by that digest
        // (looked up on several threads: two look-ups by path and a digest for each document, 0.1 s at 50,000 on one core)
        var digestsInMemo = new Digest128?[memo is null ? 0 : archive.Documents.Count];
        var recalled = new DocumentMemo.Entry?[digestsInMemo.Length];
        Parallel.For(0, digestsInMemo.Length, i =>
        {
            var path = archive.Documents[i].Source.Source.Path;
            digestsInMemo[i] = parsed!.DigestOf(path) is { } file ? DocumentMemo.Combine(file, surroundings[i]) : null;
            recalled[i] = digestsInMemo[i] is { } digest ? memo!.Find(path, digest) : null;
        });

        // Its withheld passages are set aside before any file is looked through: a document whose file and surroundings are as
        // they were holds the texts it held (whether its page is kept or made again), and the audit then looks for the others
        // only, not for every passage until its document's batch comes
        foreach (var entry in recalled)
        {
            if (entry is not null)
            {
                withheld.SetAside(entry.Shared);
            }
        }

        clock.Lap("metadata digests");

        // Output, from here on as the files are made
        using var site = new WriteSite(options.OutputDirectory, options.CacheDirectory, preparing);
        clock.Lap("output record");
        // The audit of the files whose bytes pass through the build, as they are written (the others are read back at the end)
        var written = new WrittenAudit(withheld);
        site.Audit = written;
        var integrity = new BuildIntegrityManifest();
        if (signing is not null)
        {
            site.Write(integrity.PublicKey(signing));
        }

        site.Write(assetFiles);
        site.Write(attachments);
        site.Write(admin); // the administration page: Decap CMS, its configuration (schema and vocabularies only) and index.html

        // Documents, a batch at a time in the archive's order (the search index's): body, text attachments, page and search terms
        progress?.Report($"rendering {archive.Documents.Count} documents");
        var pages = 0;
        var renderedPages = 0;

        // A batch of planned pages: keyed (with a cache), rendered but for those the output folder holds as made from the same
        // inputs (WriteSite.Reuse), and listed for the sitemap
        (IReadOnlyList<OutputFile> Html, IReadOnlyList<PagePlan> Keyed) Render(IReadOnlyList<PagePlan> planned, StageClock clock)
        {
            var plans = keys?.Run(planned) ?? planned;
            clock.Lap("page keys");
            var unmade = plans.Where(p => !site.Reuse(archive.Urls.ToOutputPath(p.Page.Url), p.RenderKey)).ToList();
            var html = new RenderPages().Run(unmade, theme, archive, assetUrls, diagnostics, identityLanding);
            sitemap.Add(plans);
            clock.Lap("render pages");
            pages += plans.Count;
            renderedPages += html.Count;
            return (html, plans);
        }

        // The text of a document's body made again, for a document recalled from the memo that the search index must index after
        // all (the last build's state of the index does not have it as it is)
        string TextOf(PublishedDocument document)
        {
            var local = new DiagnosticBag();
            var body = privacy.Bodies([document], new ReadDocumentBodies().Run(options, [document.Source], local), local);
            var text = markdown.Run([document], body, local)[0].Text;
            lock (diagnostics)
            {
                diagnostics.AddRange(local.Items);
            }

            return text;
        }

        // The documents a batch at a time, in the archive's order. With the memo, up to KnownBatchSize documents are looked up at
        // once — a document it recalls, whose page the output folder holds as the last build made it, is not made again (looked
        // up on several threads: each page's file is looked at on disk) — and they stay one batch when at most BatchSize of them
        // are to be made: a build after a few changes goes through a dozen batches, not two hundred. Otherwise, and without the
        // memo, a batch has BatchSize documents.
        IEnumerable<(int Start, PublishedDocument[] Batch, Digest128?[] Digests, DocumentMemo.Entry?[] Known)> Batches()
        {
            var start = 0;
            foreach (var chunk in archive.Documents.Chunk(memo is null ? BatchSize : KnownBatchSize))
            {
                var digests = memo is null ? new Digest128?[chunk.Length] : digestsInMemo[start..(start + chunk.Length)];
                var known = new DocumentMemo.Entry?[chunk.Length];
                if (memo is not null)
                {
                    Parallel.For(0, chunk.Length, i =>
                    {
                        if (recalled[start + i] is { } entry && site.Reuse(archive.Urls.ToOutputPath(chunk[i].Url), entry.PageKey))
                        {
                            known[i] = entry;
                        }
                    });
                }

                var split = known.Count(k => k is null) > BatchSize ? BatchSize : chunk.Length;
                for (var at = 0; at < chunk.Length; at += split)
                {
                    var end = Math.Min(at + split, chunk.Length);
                    yield return (start + at, chunk[at..end], digests[at..end], known[at..end]);
                }

                start += chunk.Length;
            }
        }

        // The files of the documents to be made are read ahead, many at once, a few batches before theirs (stopped after the last)
        using var readingAhead = ReadAhead.Start([.. archive.Documents.Where((_, i) => memo is null || recalled[i] is null)
            .Select(d => Path.Combine(options.SiteRoot, d.Source.Source.Path))], window: 4 * BatchSize);
        var bodiesRead = 0;
        foreach (var (start, batch, memoDigests, known) in Batches())
        {
            // The documents the memo recalls are kept, in the archive's order
            if (memo is not null)
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    if (known[i] is { } entry)
                    {
                        memo.Keep(batch[i].Source.Source.Path, entry);
                        sitemap.Add(batch[i].Url, archive.LastChanged(batch[i]));
                        pages++;
                    }
                }
            }

            var made = batch.Where((_, i) => known[i] is null).ToArray();
            var sources = made.Select(d => d.Source).ToList();
            var reported = diagnostics.Items.Count;
            clock.Lap("document memo");
            var bodies = new ReadDocumentBodies().Run(options, sources, diagnostics);
            readingAhead.Reached(bodiesRead += sources.Count);
            var attachmentTexts = new ReadTextAttachments().Run(options, sources, diagnostics);
            clock.Lap("read bodies");
            bodies = privacy.Bodies(made, bodies, diagnostics);
            var textAttachments = privacy.Attachments(archive, made, attachmentTexts, diagnostics);
            clock.Lap("privacy screen");
            var rendered = markdown.Run(made, bodies, diagnostics);
            clock.Lap("markdown");
            if (diagnostics.HasErrors)
            {
                continue; // the build has failed: the other bodies are only checked, so that every error is reported at once
            }

            var (html, keyed) = Render(new PlanDocumentPages().Run(archive, theme.Strings, made, rendered), clock);
            clock.Lap("plan pages");

            // The batch in the archive's order again: each document with its text, or with what the memo knows of it
            var searchable = new (PublishedDocument, string?, Search.SearchIndexWriter.KnownText?)[batch.Length];
            var textHashes = new string[batch.Length];
            var at = new int[made.Length]; // where each document made is in the batch
            for (int i = 0, k = 0; i < batch.Length; i++)
            {
                var document = batch[i];
                if (known[i] is { } entry)
                {
                    searchable[i] = (document, null, new(entry.SearchDigest, entry.Snippet, () => TextOf(document)));
                    textHashes[i] = entry.TextSha256; // its withheld passages were set aside before the first batch
                }
                else
                {
                    searchable[i] = (document, rendered[k].Text, null);
                    textHashes[i] = rendered[k].TextSha256;
                    at[k++] = i;
                }
            }

            var first = search.Count;
            search.Add(searchable);
            clock.Lap("search index");
            var dataKeys = memo is null ? null : batch.Select((d, i) => memoDigests[i] is { } digest
                ? memo.KeyOf(d.Source.Source.Path, digest, "open data") : RenderKey.None).ToArray();
            var data = openData.Add(batch, textHashes, dataKeys, site.Reuse);
            clock.Lap("open data");
            var shared = new string[made.Length][];
            Parallel.For(0, made.Length, k => shared[k] = withheld.SetAsideShared(made[k], rendered[k], attachmentTexts[k]));
            written.Refresh();
            clock.Lap("audit");

            // What only its own file decides, for the next build: of a document its stages reported nothing about
            if (memo is not null)
            {
                var noted = diagnostics.Items.Skip(reported).Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
                for (var k = 0; k < made.Length; k++)
                {
                    var path = made[k].Source.Source.Path;
                    if (!noted.Contains(path) && !made[k].Source.Attachments.Any(a => a.IsText) && !keyed[k].RenderKey.IsNone && memoDigests[at[k]] is { } digest)
                    {
                        var (searchDigest, snippet) = search.Facts(first + at[k]);
                        memo.Remember(path, digest, keyed[k].RenderKey, rendered[k].TextSha256, searchDigest, snippet, shared[k]);
                    }
                }

                clock.Lap("document memo");
            }

            site.Write(html);
            site.Write(textAttachments);
            site.Write(data);
            clock.Lap("write");
            rendering?.Report((start + batch.Length, archive.Documents.Count));
        }

        if (diagnostics.HasErrors)
        {
            site.Abandon();
            return Failed();
        }

        // With the build cache, in the context the last build was made in (what changed, if anything, is bodies only): the pages
        // that list documents, the sitemap, the feeds and Netlify's files are those the output folder holds, kept unmade
        var listingContext = memo?.Listings(ownMetadata, theme.Headers) ?? Digest128.Zero;
        var contextOutputs = memo is null ? null : ContextOutputs.Open(options.CacheDirectory!, options.OutputDirectory, listingContext);
        var contextKept = contextOutputs?.Last is { } last && site.KeepAll(last);
        if (contextKept)
        {
            pages += contextOutputs!.LastPages;
        }

        clock.Lap("listings kept");

        // The files of the context made here, noted for the next build
        IReadOnlyList<OutputFile> Noted(IReadOnlyList<OutputFile> files)
        {
            foreach (var file in files)
            {
                contextOutputs?.Made(file.Path);
            }

            return files;
        }

        // Post-process, in three parts at once (each has stretches that use one core of two): the pages that list documents
        // (home, gazette, catalogue) and the sitemap of every page; the feeds and the rest of the search index; the open data and
        // Netlify's files. Only the first reports diagnostics (a layout that fails to render).
        progress?.Report("rendering the gazette, catalogue and other pages; finishing the search index, the feeds and the open data");

        // A file of the context kept as the output folder holds it, made from the same key: noted, as those made are (Noted)
        bool KeptUnmade(string path, RenderKey key)
        {
            if (!site.Reuse(path, key))
            {
                return false;
            }

            contextOutputs?.Made(path);
            return true;
        }

        // With the memo, a listing's or the gazette's page keyed from what it is planned from: one the output folder holds as made
        // from its key is kept unplanned (from the listings' part only); the feeds, the sitemap and Netlify's redirects are keyed too
        bool Kept(string url, RenderKey key, DateOnly? lastModified)
        {
            if (!KeptUnmade(archive.Urls.ToOutputPath(url), key))
            {
                return false;
            }

            sitemap.Add(url, lastModified);
            contextOutputs?.Pages(1);
            pages++;
            return true;
        }

        var listingKeys = memo is null || contextKept ? null : new ListingKeys(memo.ContextDigest, archive, surroundings, Kept);
        clock.Together("listings, index and data", listings =>
        {
            if (contextKept)
            {
                return;
            }

            foreach (var batch in new PlanPages().Run(archive, theme.Strings, listingKeys).Chunk(BatchSize))
            {
                listings.Lap("plan pages"); // the listing pages are planned as they are enumerated
                var (html, keyed) = Render(batch, listings);
                site.Write(html);
                foreach (var plan in keyed)
                {
                    contextOutputs?.Made(archive.Urls.ToOutputPath(plan.Page.Url));
                }

                contextOutputs?.Pages(keyed.Count);
                listings.Lap("write");
            }

            theme.Fragments.Clear(); // every page that lists documents is rendered

            // Distribution (DOMAIN rule 7): the sitemap of every page planned and robots.txt
            // (with the memo, each file kept while the pages and their dates are those it lists)
            site.Write(Noted([.. sitemap.Finish(archive, memo is null ? null : KeptUnmade)]));
            listings.Lap("sitemap");
        }, index =>
        {
            // Distribution (DOMAIN rule 7): the Atom feeds of the site, of each organ and topic and of the gazette (metadata only)
            if (!contextKept)
            {
                // (with the memo, each kept while the documents it shows are as they were)
                site.Write(Noted(new BuildFeeds().Run(archive, theme.Strings, listingKeys, KeptUnmade)));
                index.Lap("feeds");
            }

            search.Finish(archive, theme.Strings, site.Write, site, contextKept ? contextOutputs!.Last : null, path => contextOutputs?.Made(path), memo?.ContextDigest);
            index.Lap("search index end");
        }, data =>
        {
            // Open data (DOMAIN rule 7): the whole catalogue as JSON and CSV and the gazette's contents (from metadata alone, so kept
            // with the listings), written as they are made
            openData.Finish(site, contextKept, path => contextOutputs?.Made(path), memo?.ContextDigest);
            data.Lap("open data end");

            // Netlify: permalinks by 索引号 and document number, old addresses of moved documents, and the theme's response headers
            if (!contextKept)
            {
                // _redirects kept, with the memo, while no document's address, 索引号, number or old address changed
                var redirects = memo is null ? RenderKey.None : BuildNetlifyFiles.KeyOfRedirects(memo.ContextDigest, archive);
                new BuildNetlifyFiles().Run(archive, theme.Headers, (path, write) =>
                {
                    contextOutputs?.Made(path);
                    site.ReuseOrWrite(path, path == BuildNetlifyFiles.Redirects ? redirects : RenderKey.None, write);
                });
                data.Lap("netlify files");
            }
        });

        // Integrity (防篡改): the SHA-256 of every file written, signed when a key was given; written after all the others, so it
        // lists them all, and before the audit, which reads it too
        progress?.Report("writing the integrity manifest");
        integrity.Run(site.Hashes(), signing, site);
        var auditKey = withheld.Digest();
        site.Seal(auditKey); // its record, for the next build, written from here on alongside the audit and the checks
        using var savingMemo = memo is null ? null : new Alongside(memo.Save); // and what the memo knows now (a page it names is reused only as the record has it)
        clock.Lap("integrity manifest");

        // The audit: no file of the finished site holds what only a withheld document holds (a file looked through as it was
        // written, or one the output folder already held, audited for the same passages when it was written, is not read again)
        new AuditOutput().Run(site.FilesToAudit(auditKey), withheld, diagnostics, written);
        clock.Lap("audit output");
        if (diagnostics.HasErrors)
        {
            site.Abandon();
            return Failed();
        }

        var warnings = checking.GetAwaiter().GetResult(); // the timeliness and completeness warnings, reported after the build's own
        var sorting = Task.Run(() => Merged(Sorted(diagnostics), warnings)); // as the site is put in place (nothing below reports)
        clock.Lap("check archive");

        site.Commit();
        search.Commit(); // the index's state, for the next build, once the site it describes is in place
        openData.Commit(); // and where the catalogue's blocks are in it
        if (contextOutputs is not null && !contextKept)
        {
            contextOutputs.Save(options.CacheDirectory!, options.OutputDirectory, listingContext);
        }
        savingMemo?.Dispose();
        clock.Lap("write");
        return new BuildResult(sorting.GetAwaiter().GetResult(), published.Count, documents.Count - published.Count, pages, site.Count) { Unchanged = site.Kept, Rendered = renderedPages, Indexed = search.Indexed, Recalled = memo?.Recalled ?? 0, CatalogueBlocksCopied = openData.Copied, ListingsKept = contextKept, Timings = clock.Laps };
    }

    /// <summary>
    /// <c>gazette check</c>: reads content/ (not the theme) into the checked model like a build, then, when it has no errors,
    /// reports its timeliness and completeness (<see cref="CheckArchive"/>). Renders and writes nothing.
    /// </summary>
    public CheckResult Check(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var content = new ReadContentFiles().Run(options, diagnostics);
        var (config, _, documents, calendar) = ParseContent(content, diagnostics);
        var report = diagnostics.HasErrors ? null : new CheckArchive().Run(config, documents, calendar, diagnostics);
        return new CheckResult(Sorted(diagnostics), report);
    }

    /// <summary>
    /// <c>gazette report annual</c>: reads content/ (not the theme) into the checked model like a build, then, when it has no
    /// errors, counts table 二 of the annual report for <paramref name="year"/> (<see cref="CountAnnualTable"/>), for the
    /// documents whose leading organ is <paramref name="organId"/>, or for every organ when it is null. An organ that
    /// organs.yml does not define is an error (GZ0201). Renders and writes nothing.
    /// </summary>
    public AnnualReportResult ReportAnnual(BuildOptions options, int year, string? organId = null)
    {
        var diagnostics = new DiagnosticBag();
        var content = new ReadContentFiles().Run(options, diagnostics);
        var (config, _, documents, _) = ParseContent(content, diagnostics);
        var organ = organId is null ? null : config.FindOrgan(organId);
        if (organId is not null && organ is null && !diagnostics.HasErrors)
        {
            diagnostics.Error(new SourceLocation("content/organs.yml"), Codes.UnknownOrgan, $"the organ '{organId}' given with --organ is not defined in organs.yml",
                DidYouMean.Hint(organId, config.Organs.Select(o => o.Id)) ?? $"use the id of an organ: {string.Join(", ", config.Organs.Select(o => o.Id))}");
        }

        var table = diagnostics.HasErrors ? null : new CountAnnualTable().Run(config, documents, year, organ);
        return new AnnualReportResult(Sorted(diagnostics), table);
    }

    /// <summary>
    /// Input and process: reads content/ and the theme, makes the typed model and checks it; every problem becomes a
    /// diagnostic. What was read is not kept beyond this: documents keep their metadata and where their bodies are.
    /// </summary>
    private static (SiteConfiguration Config, IReadOnlyList<Issue> Issues, IReadOnlyList<Document> Documents, WorkingCalendar Calendar, CompiledTheme? Theme, ParsedDocumentCache? Parsed) ReadAndCheck(
        BuildOptions options, DiagnosticBag diagnostics, StageClock clock)
    {
        // With a cache, a document file parsed by an earlier build as it is now is neither read nor parsed again (the cache is
        // read on another thread while the content folder is listed)
        var opening = options.CacheDirectory is null ? null : Task.Run(() => ParsedDocumentCache.Open(options.CacheDirectory, options.ContentDirectory));
        var content = new ReadContentFiles().Run(options, diagnostics, opening);
        var parsed = opening?.GetAwaiter().GetResult();
        var themeFiles = new ReadTheme().Run(options, diagnostics);
        clock.Lap("read");

        // The theme's templates are compiled on another thread while the documents are parsed and checked (it needs only the
        // site's language)
        Task<CompiledTheme?>? compiling = null;
        var themeDiagnostics = new DiagnosticBag();
        var (config, issues, documents, calendar) = ParseContent(content, diagnostics, parsed, configured: config =>
            compiling = themeFiles is null ? null : Task.Run(() => new ParseTheme().Run(themeFiles, config.Site.Language, themeDiagnostics)));
        var theme = compiling?.GetAwaiter().GetResult();
        diagnostics.AddRange(themeDiagnostics.Items);
        clock.Lap("parse and check");
        return (config, issues, documents, calendar, theme, parsed);
    }

    /// <summary>The typed model of what was read from content/, with its cross-references checked and index numbers assigned.</summary>
    /// <param name="configured">given the site's configuration as soon as it is parsed, before the documents are.</param>
    private static (SiteConfiguration Config, IReadOnlyList<Issue> Issues, IReadOnlyList<Document> Documents, WorkingCalendar Calendar) ParseContent(
        ContentSet content, DiagnosticBag diagnostics, ParsedDocumentCache? parsed = null, Action<SiteConfiguration>? configured = null)
    {
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        configured?.Invoke(config);
        var issues = new ParseGazetteIssues().Run(content, diagnostics);
        var parsedDocuments = new ParseDocuments().Run(content, config, diagnostics, parsed);

        // What documents say about each other is checked on another thread while their index numbers are given, their aliases
        // checked and the holidays read (the first two each a pass over every document, on one core: 0.1 s each at 50,000
        // documents); its diagnostics come first, then the others', as when run in turn
        var references = new DiagnosticBag();
        var checking = Task.Run(() => new CheckReferences().Run(parsedDocuments, issues, references));
        var rest = new DiagnosticBag();
        var documents = new AssignIndexNumbers().Run(parsedDocuments, config, rest);
        new CheckAliases().Run(documents, new SiteUrls(config.Site.BasePath), rest);
        var calendar = new ParseHolidays().Run(content, rest);
        checking.GetAwaiter().GetResult();
        diagnostics.AddRange(references.Items);
        diagnostics.AddRange(rest.Items);
        return (config, issues, documents, calendar);
    }

    /// <summary>
    /// Each diagnostic once, by file, line, column and code; those of the same place and code in the order they were reported.
    /// A build of 50,000 documents ends with some 60,000 warnings, scattered over the heap: they are sorted as numbers (each path
    /// and code by its rank among the distinct ones), and only those of one place and code are compared whole, for the ones
    /// reported twice (sorting by the four keys and hashing every diagnostic took 0.1-0.15 s, the last thing a build did).
    /// </summary>
    internal static IReadOnlyList<Diagnostic> Sorted(DiagnosticBag diagnostics)
    {
        var items = diagnostics.Items;
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        static int Number(Dictionary<string, int> numbers, string value)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, value, out var found);
            return found ? number : number = numbers.Count - 1;
        }

        var places = new (int Path, int Line, int Column, int Code, int At)[items.Count];
        for (var i = 0; i < places.Length; i++)
        {
            var (location, code) = (items[i].Location, items[i].Code);
            places[i] = (Number(paths, location.Path), location.Line, location.Column, Number(codes, code.Id), i);
        }

        var (pathRanks, codeRanks) = (Ranks(paths), Ranks(codes));
        for (var i = 0; i < places.Length; i++)
        {
            places[i].Path = pathRanks[places[i].Path];
            places[i].Code = codeRanks[places[i].Code];
        }

        Array.Sort(places);
        var sorted = new List<Diagnostic>(places.Length);
        for (int run = 0, end; run < places.Length; run = end)
        {
            end = run + 1;
            while (end < places.Length && places[end] with { At = 0 } == places[run] with { At = 0 })
            {
                end++;
            }

            if (end == run + 1)
            {
                sorted.Add(items[places[run].At]);
                continue;
            }

            var seen = new HashSet<Diagnostic>();
            for (var k = run; k < end; k++)
            {
                if (seen.Add(items[places[k].At]))
                {
                    sorted.Add(items[places[k].At]);
                }
            }
        }

        return sorted;
    }

    /// <summary>
    /// The diagnostics of <paramref name="first"/> and <paramref name="then"/>, each sorted by <see cref="Sorted"/>, in the order
    /// <see cref="Sorted"/> gives those of both reported one list after the other: by file, line, column and code, those of one
    /// place and code from <paramref name="first"/> before those from <paramref name="then"/>, each once.
    /// </summary>
    internal static IReadOnlyList<Diagnostic> Merged(IReadOnlyList<Diagnostic> first, IReadOnlyList<Diagnostic> then)
    {
        if (then.Count == 0 || first.Count == 0)
        {
            return then.Count == 0 ? first : then;
        }

        static int Compare(Diagnostic a, Diagnostic b)
        {
            var order = string.CompareOrdinal(a.Location.Path, b.Location.Path);
            order = order != 0 ? order : a.Location.Line.CompareTo(b.Location.Line);
            order = order != 0 ? order : a.Location.Column.CompareTo(b.Location.Column);
            return order != 0 ? order : string.CompareOrdinal(a.Code.Id, b.Code.Id);
        }

        var merged = new List<Diagnostic>(first.Count + then.Count);
        int i = 0, j = 0;
        while (i < first.Count && j < then.Count)
        {
            var order = Compare(first[i], then[j]);
            if (order != 0)
            {
                merged.Add(order < 0 ? first[i++] : then[j++]);
                continue;
            }

            // One place and code in both: the first's, then those of the other not among them
            var run = i;
            while (i < first.Count && Compare(first[i], first[run]) == 0)
            {
                merged.Add(first[i++]);
            }

            for (; j < then.Count && Compare(then[j], first[run]) == 0; j++)
            {
                if (!first.Skip(run).Take(i - run).Contains(then[j]))
                {
                    merged.Add(then[j]);
                }
            }
        }

        merged.AddRange(first.Skip(i));
        merged.AddRange(then.Skip(j));
        return merged;
    }

    /// <summary>The rank of each string of <paramref name="numbers"/> in ordinal order, by its number.</summary>
    private static int[] Ranks(Dictionary<string, int> numbers)
    {
        var strings = numbers.Keys.ToArray();
        Array.Sort(strings, StringComparer.Ordinal);
        var ranks = new int[strings.Length];
        for (var rank = 0; rank < strings.Length; rank++)
        {
            ranks[numbers[strings[rank]]] = rank;
        }

        return ranks;
    }
}
