using System.Globalization;
using Gazette.Calendar;
using Gazette.Checks;
using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// The timeliness and completeness check (DOMAIN rules 3–5), over the published (主动公开) documents: publication within 20
/// working days of writing (《政府信息公开条例》第二十六条), interpretations within 3 working days of their policy, an
/// interpretation for every policy document in force, a successor named for every repeal and amendment, a summary (内容概述,
/// art. 12) on every document, and a document in every period of a periodic catalogue entry. Working days follow the
/// <see cref="WorkingCalendar"/>. Every finding is also a warning. Pure: the model in, the report out.
/// </summary>
public sealed class CheckArchive
{
    public CheckReport Run(SiteConfiguration config, IReadOnlyList<Document> documents, WorkingCalendar calendar, DiagnosticBag diagnostics)
    {
        var (published, reference, findings, uncovered) = Find(config, documents, calendar, diagnostics);

        // Each organ's findings, by kind, then where they are
        var kindOrder = FindingKind.All.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var byOrgan = findings.GroupBy(f => f.Organ, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var organs = config.Organs
            .Select(o => new OrganFindings(o, [.. (byOrgan.GetValueOrDefault(o.Id) ?? [])
                .OrderBy(f => kindOrder[f.Kind])
                .ThenBy(f => f.Location.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Location.Line)
                .ThenBy(f => f.Location.Column)]))
            .ToList();
        var siteYears = calendar.Years.Where(y => !y.Source.Path.StartsWith("(built-in)", StringComparison.Ordinal)).Select(y => y.Year).ToList();
        return new CheckReport(config.Site.Name, reference, published, organs, [.. calendar.Years.Select(y => y.Year)], siteYears,
            [.. uncovered]);
    }

    /// <summary>The warnings of <see cref="Run"/> only, for a build, which shows no report: none is made.</summary>
    public void Warn(SiteConfiguration config, IReadOnlyList<Document> documents, WorkingCalendar calendar, DiagnosticBag diagnostics) =>
        Find(config, documents, calendar, diagnostics);

    /// <summary>
    /// Every finding, each also a warning in <paramref name="diagnostics"/>, in the documents' order (the documents checked a
    /// range at a time on several threads); how many documents are published, the date periods are reckoned to, and the years
    /// whose working days were counted without the holiday table.
    /// </summary>
    private static (int Published, DateOnly? Reference, List<Finding> Findings, IReadOnlyCollection<int> Uncovered) Find(
        SiteConfiguration config, IReadOnlyList<Document> documents, WorkingCalendar calendar, DiagnosticBag diagnostics)
    {
        var published = documents.Where(d => d.IsPublic).ToList();
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in published)
        {
            byId.TryAdd(document.Id, document);
        }

        var interpreted = published.Where(d => d.Interprets is not null).Select(d => d.Interprets!).ToHashSet(StringComparer.Ordinal);
        var parts = Math.Clamp(published.Count / 1024, 1, 4 * Environment.ProcessorCount);
        var found = new (SortedDictionary<int, SourceLocation> Uncovered, List<Finding> Findings)[parts];
        Parallel.For(0, parts, part =>
        {
            var (uncovered, findings) = found[part] = ([], []);
            for (var i = published.Count * part / parts; i < published.Count * (part + 1) / parts; i++)
            {
                var document = published[i];
                CheckPublication(document, calendar, uncovered, findings);
                CheckInterpretation(document, byId, calendar, uncovered, findings);
                CheckPolicy(document, config, interpreted, findings);
                CheckSuccessor(document, findings);
                CheckSummary(document, findings);
            }
        });

        // In the documents' order: a year's first document not covered is where its warning points
        var findings = found.SelectMany(f => f.Findings).ToList();
        var uncovered = new SortedDictionary<int, SourceLocation>();
        foreach (var (year, at) in found.SelectMany(f => f.Uncovered))
        {
            uncovered.TryAdd(year, at);
        }

        DateOnly? reference = published.Count == 0 ? null : published.Max(d => d.Published);
        if (reference is { } today)
        {
            foreach (var entry in SiteConfiguration.Flatten(config.Catalogue).Where(e => e.Period is not null))
            {
                CheckPeriods(entry, published, today, findings);
            }
        }

        diagnostics.AddRange(findings.Select(f => f.ToDiagnostic()));

        if (uncovered.Count > 0)
        {
            var years = string.Join(", ", uncovered.Keys);
            diagnostics.Warning(uncovered.Values.First(), Codes.NoHolidayData,
                $"working days in {years} were counted as Monday to Friday: the holiday table has no arrangement for {(uncovered.Count == 1 ? "that year" : "those years")}",
                "add the year's 部分节假日安排的通知 to content/holidays.yml (see the README), or a newer Gazette may have it");
        }

        return (published.Count, reference, findings, uncovered.Keys);
    }

    private static string Leading(Document document) => document.Issuers.Count > 0 ? document.Issuers[0] : "";

    private static int Count(WorkingCalendar calendar, DateOnly from, DateOnly to, SourceLocation at, SortedDictionary<int, SourceLocation> uncovered)
    {
        if (to > from)
        {
            foreach (var year in calendar.YearsNotCovered(from.AddDays(1), to))
            {
                uncovered.TryAdd(year, at);
            }
        }

        return calendar.WorkingDaysBetween(from, to);
    }

    private static void CheckPublication(Document document, WorkingCalendar calendar, SortedDictionary<int, SourceLocation> uncovered, List<Finding> findings)
    {
        if (Late(document, document.Written, CheckReport.PublicationLimit, calendar, uncovered) is not { } late)
        {
            return;
        }

        findings.Add(late.Finding(FindingKind.LatePublication,
            $"published {document.Published:yyyy-MM-dd}, {late.Days} working days after it was written on {document.Written:yyyy-MM-dd}; the limit is {late.Limit} (《政府信息公开条例》第二十六条)",
            $"publish within {late.Limit} working days of 'written', that is by {late.Due:yyyy-MM-dd}; if a date is wrong, correct 'written' or 'published'"));
    }

    private static void CheckInterpretation(Document document, Dictionary<string, Document> byId, WorkingCalendar calendar,
        SortedDictionary<int, SourceLocation> uncovered, List<Finding> findings)
    {
        if (document.Interprets is null || !byId.TryGetValue(document.Interprets, out var policy)
            || Late(document, policy.Published, CheckReport.InterpretationLimit, calendar, uncovered) is not { } late)
        {
            return;
        }

        findings.Add(late.Finding(FindingKind.LateInterpretation,
            $"the interpretation is published {document.Published:yyyy-MM-dd}, {late.Days} working days after its policy '{policy.Id}' ({policy.Published:yyyy-MM-dd}); the limit is {late.Limit}",
            $"publish an interpretation with its policy, at the latest {late.Limit} working days after it, that is by {late.Due:yyyy-MM-dd}")
            with { PolicyId = policy.Id, PolicyPublished = policy.Published });
    }

    /// <summary>A document published more than <paramref name="limit"/> working days after <paramref name="from"/>: how late; null when in time.</summary>
    private static Lateness? Late(Document document, DateOnly from, int limit, WorkingCalendar calendar, SortedDictionary<int, SourceLocation> uncovered)
    {
        var at = document.At("published");
        var days = Count(calendar, from, document.Published, at, uncovered);
        return days <= limit ? null : new Lateness(document, at, days, limit, calendar.AddWorkingDays(from, limit));
    }

    private sealed record Lateness(Document Document, SourceLocation At, int Days, int Limit, DateOnly Due)
    {
        public Finding Finding(FindingKind kind, string message, string hint) => new(kind, Leading(Document), At, message, hint)
        {
            DocumentId = Document.Id, Title = Document.Title, Written = Document.Written, Published = Document.Published,
            WorkingDays = Days, Limit = Limit, Due = Due,
        };
    }

    private static void CheckPolicy(Document document, SiteConfiguration config, HashSet<string> interpreted, List<Finding> findings)
    {
        if (config.LegalFormOf(document) == LegalForm.Other
            || config.FindGenre(document.Genre) is not { } genre
            || document.Validity.Status is ValidityStatus.Repealed or ValidityStatus.Expired
            || interpreted.Contains(document.Id))
        {
            return;
        }

        var hint = document.LegalForm is null
            ? $"publish a 政策解读 with 'interprets: {document.Id}'; if it is not a 规范性文件, write 'legal_form: 其他' in its front matter (or, when no {genre.Name} of this site is one, redefine the genre in content/genres.yml with 'policy: false')"
            : $"publish a 政策解读 with 'interprets: {document.Id}'";
        findings.Add(new Finding(FindingKind.PolicyWithoutInterpretation, Leading(document), document.At(document.LegalForm is null ? "genre" : "legal_form"),
            $"this {genre.Name} is a policy document (规范性文件), but no published interpretation explains it", hint)
        {
            DocumentId = document.Id, Title = document.Title, Written = document.Written, Published = document.Published, Genre = genre.Name,
        });
    }

    private static void CheckSuccessor(Document document, List<Finding> findings)
    {
        var validity = document.Validity;
        var (label, key) = validity.Status switch
        {
            ValidityStatus.Repealed when validity.RepealedBy is null => ("废止", "repealed_by"),
            ValidityStatus.Amended when validity.AmendedBy is null => ("已修改", "amended_by"),
            _ => (null, null),
        };
        if (label is null)
        {
            return;
        }

        findings.Add(new Finding(FindingKind.MissingSuccessor, Leading(document), document.At("validity"),
            $"the document is marked {label} but does not name the document that {(key == "repealed_by" ? "repealed" : "amended")} it",
            $"add '{key}: <id>' under validity, naming the document (e.g. the 决定 or 通知) that did it, so its page links to it")
        {
            DocumentId = document.Id, Title = document.Title, Written = document.Written, Published = document.Published,
            Validity = label, ValidityDate = validity.Date,
        });
    }

    private static void CheckSummary(Document document, List<Finding> findings)
    {
        if (document.Summary is not null)
        {
            return;
        }

        findings.Add(new Finding(FindingKind.MissingSummary, Leading(document),
            document.Fields.ContainsKey("summary") ? document.At("summary") : document.At("title"),
            "the document has no summary (内容概述), which every catalogue entry must carry (《政府信息公开条例》第十二条)",
            "add 'summary:' with one or two sentences on what the document decides or explains")
        {
            DocumentId = document.Id, Title = document.Title, Written = document.Written, Published = document.Published,
        });
    }

    /// <summary>
    /// Every period from the one of the entry's first document up to the one before the reference date's (which may still be
    /// under way) should have a document published in it.
    /// </summary>
    private static void CheckPeriods(CatalogueEntry entry, IReadOnlyList<Document> published, DateOnly today, List<Finding> findings)
    {
        var members = published.Where(d => d.Catalogue.Contains(entry.Id)).ToList();
        if (members.Count == 0)
        {
            return;
        }

        var period = entry.Period!;
        var first = members.Min(d => d.Published);
        var present = members.Select(d => Key(period, d.Published)).ToHashSet();
        var missed = new List<string>();
        for (var key = Key(period, first); key < Key(period, today); key++)
        {
            if (!present.Contains(key))
            {
                missed.Add(Label(period, key));
            }
        }

        if (missed.Count == 0)
        {
            return;
        }

        var latest = members.OrderByDescending(d => d.Published).ThenBy(d => d.Source.Path, StringComparer.Ordinal).First();
        var unit = period switch { "monthly" => "month", "quarterly" => "quarter", _ => "year" };
        var shown = missed.Count <= 6 ? string.Join(", ", missed) : string.Join(", ", missed.Take(5)) + $", … {missed[^1]}";
        findings.Add(new Finding(FindingKind.MissedPeriod, Leading(latest), entry.PeriodAt ?? new SourceLocation("content/catalogue.yml"),
            $"the {period} entry '{entry.Id}' ({entry.Name}) has no document published in {missed.Count} {unit}{(missed.Count == 1 ? "" : "s")} since its first on {first:yyyy-MM-dd}: {shown}",
            $"publish the missing items with 'catalogue: [{entry.Id}]', or remove 'period:' if the entry is not published every {unit}")
        {
            EntryId = entry.Id, EntryName = entry.Name, Period = period, FirstPublished = first, MissedPeriods = missed,
        });
    }

    private static int Key(string period, DateOnly day) => period switch
    {
        "monthly" => (day.Year * 12) + day.Month - 1,
        "quarterly" => (day.Year * 4) + ((day.Month - 1) / 3),
        _ => day.Year,
    };

    private static string Label(string period, int key) => period switch
    {
        "monthly" => string.Create(CultureInfo.InvariantCulture, $"{key / 12:0000}-{(key % 12) + 1:00}"),
        "quarterly" => string.Create(CultureInfo.InvariantCulture, $"{key / 4:0000}-Q{(key % 4) + 1}"),
        _ => key.ToString("0000", CultureInfo.InvariantCulture),
    };
}
