using System.Reflection;
using System.Text.RegularExpressions;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using YamlDotNet.RepresentationModel;

namespace Gazette.Pipeline;

/// <summary>Reads site.yml, organs.yml, topics.yml, genres.yml and catalogue.yml into a <see cref="SiteConfiguration"/>.</summary>
public sealed partial class ParseSiteConfiguration
{
    private static readonly string[] SiteKeys = ["name", "base_url", "language", "publisher", "description", "page_size", "data_licence", "site_id_code", "admin"];
    private static readonly string[] LicenceKeys = ["name", "url"];
    private static readonly string[] AdminKeys = ["backend", "repo", "branch", "local_backend"];
    private static readonly string[] OrganKeys = ["id", "name", "short_name", "code"];
    private static readonly string[] TopicKeys = ["id", "name", "children"];
    private static readonly string[] GenreKeys = ["id", "name", "aliases", "interpretation", "policy"];
    private static readonly string[] EntryKeys = ["id", "name", "description", "subject", "time_limit", "method", "period", "children"];
    private static readonly string[] Periods = ["monthly", "quarterly", "yearly"];

    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    public SiteConfiguration Run(ContentSet content, DiagnosticBag diagnostics)
    {
        var site = ReadSite(content, diagnostics);
        var organs = ReadList(content, "organs.yml", OrganKeys, required: true, diagnostics, ReadOrgans);
        var topics = ReadList(content, "topics.yml", TopicKeys, required: false, diagnostics, ReadTopics) ?? ReadDefault("topics.yml", TopicKeys, ReadTopics);
        var genres = MergeGenres(ReadDefault("genres.yml", GenreKeys, ReadGenres),
            ReadList(content, "genres.yml", GenreKeys, required: false, diagnostics, ReadGenres) ?? []);
        var catalogue = ReadList(content, "catalogue.yml", EntryKeys, required: false, diagnostics, ReadEntries) ?? [];
        return new SiteConfiguration(site, organs ?? [], topics, genres, catalogue);
    }

    private static Site ReadSite(ContentSet content, DiagnosticBag diagnostics)
    {
        var fallback = new Site("Gazette", "https://example.invalid/", "zh-CN", "Gazette", null, Site.DefaultPageSize);
        var file = content.FindInContent("site.yml");
        if (file is null)
        {
            diagnostics.Error(new SourceLocation(content.Prefix + "site.yml"), Codes.MissingFile, "content/site.yml is missing",
                "create it with at least name, base_url and publisher");
            return fallback;
        }

        var before = diagnostics.Items.Count;
        if (file.Text is null || YamlText.Parse(file.Text, file.Path, 0, diagnostics) is not { } root)
        {
            if (file.Text is not null && diagnostics.Items.Count == before)
            {
                diagnostics.Error(new SourceLocation(file.Path), Codes.MissingField, "site.yml is empty", "write name, base_url and publisher");
            }

            return fallback;
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(new SourceLocation(file.Path, (int)root.Start.Line, (int)root.Start.Column), Codes.WrongType,
                "site.yml must be a mapping of keys to values");
            return fallback;
        }

        var fields = new FieldReader(mapping, file.Path, 0, diagnostics, SiteKeys);
        var name = fields.Text("name", required: true) ?? fallback.Name;
        var baseUrl = fields.Text("base_url", required: true) ?? fallback.BaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            fields.Error("base_url", Codes.InvalidValue, $"'base_url' must be an absolute http or https URL (got \"{baseUrl}\")",
                "e.g. https://www.example.gov.cn/gongbao/");
            baseUrl = fallback.BaseUrl;
        }
        else if (!baseUrl.EndsWith('/'))
        {
            baseUrl += "/";
        }

        var language = fields.Text("language") ?? "zh-CN";
        if (!Languages.Contains(language))
        {
            fields.Error("language", Codes.InvalidValue, $"'language' cannot be \"{language}\"", $"write one of {string.Join(", ", Languages)}");
            language = "zh-CN";
        }

        var pageSize = fields.Integer("page_size") ?? Site.DefaultPageSize;
        if (pageSize is < 1 or > 1000)
        {
            fields.Error("page_size", Codes.InvalidValue, "'page_size' must be between 1 and 1000");
            pageSize = Site.DefaultPageSize;
        }

        return new Site(name, baseUrl, language, fields.Text("publisher", required: true) ?? fallback.Publisher,
            fields.Text("description"), pageSize)
        {
            DataLicence = ReadLicence(fields),
            SiteIdCode = fields.Text("site_id_code"),
            Admin = ReadAdmin(fields),
        };
    }

    /// <summary><c>data_licence: {name, url}</c>: both are required when the key is written; the address is http or https.</summary>
    private static DataLicence? ReadLicence(FieldReader site)
    {
        if (site.Mapping("data_licence", LicenceKeys) is not { } fields)
        {
            return null;
        }

        var name = fields.Text("name", required: true);
        var url = fields.Text("url", required: true);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            fields.Error("url", Codes.InvalidValue, $"the licence's 'url' must be an absolute http or https URL (got \"{url}\")",
                "the address of the licence's full text, e.g. a page of the site that states it");
            url = null;
        }

        return name is null || url is null ? null : new DataLicence(name, url);
    }

    private static AdminSettings ReadAdmin(FieldReader site)
    {
        var fallback = AdminSettings.Default;
        if (site.Mapping("admin", AdminKeys) is not { } fields)
        {
            return fallback;
        }

        var backend = fields.Text("backend") ?? fallback.Backend;
        if (!AdminSettings.Backends.Contains(backend))
        {
            fields.Error("backend", Codes.InvalidValue, $"'backend' cannot be \"{backend}\"", $"write one of {string.Join(", ", AdminSettings.Backends)}");
            backend = fallback.Backend;
        }

        var repository = fields.Text("repo");
        if (repository is not null && !RepositoryName().IsMatch(repository))
        {
            fields.Error("repo", Codes.InvalidValue, $"'repo' must be a repository written owner/name (got \"{repository}\")", "e.g. liaocheng-gov/gazette");
            repository = null;
        }
        else if (repository is null && backend == "github")
        {
            fields.Error("backend", Codes.MissingField, "the github backend needs the repository it edits", "add 'repo: <owner>/<name>' under 'admin:'");
        }

        return new AdminSettings(backend, repository, fields.Text("branch") ?? fallback.Branch,
            fields.Choice("local_backend", FieldReader.Booleans) ?? fallback.LocalBackend);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryName();

    private static IReadOnlyList<T>? ReadList<T>(ContentSet content, string name, string[] keys, bool required, DiagnosticBag diagnostics,
        Func<IReadOnlyList<FieldReader>, DiagnosticBag, IReadOnlyList<T>> read)
    {
        var file = content.FindInContent(name);
        if (file is null)
        {
            if (required)
            {
                diagnostics.Error(new SourceLocation(content.Prefix + name), Codes.MissingFile, $"content/{name} is missing");
            }

            return null;
        }

        return file.Text is null ? [] : ParseList(file.Text, file.Path, keys, diagnostics, read);
    }

    private static IReadOnlyList<T> ParseList<T>(string text, string path, string[] keys, DiagnosticBag diagnostics,
        Func<IReadOnlyList<FieldReader>, DiagnosticBag, IReadOnlyList<T>> read)
    {
        var root = YamlText.Parse(text, path, 0, diagnostics);
        switch (root)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var items = new List<FieldReader>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode mapping)
                    {
                        items.Add(new FieldReader(mapping, path, 0, diagnostics, keys));
                    }
                    else
                    {
                        diagnostics.Error(new SourceLocation(path, (int)item.Start.Line, (int)item.Start.Column), Codes.WrongType,
                            "each item must be a mapping of keys to values");
                    }
                }

                return read(items, diagnostics);
            default:
                diagnostics.Error(new SourceLocation(path, (int)root.Start.Line, (int)root.Start.Column), Codes.WrongType,
                    "this file must be a list of items, each starting with '- '");
                return [];
        }
    }

    private static IReadOnlyList<T> ReadDefault<T>(string name, string[] keys, Func<IReadOnlyList<FieldReader>, DiagnosticBag, IReadOnlyList<T>> read)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gazette.Defaults." + name)
            ?? throw new InvalidOperationException($"built-in {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        var items = ParseList(reader.ReadToEnd(), "(built-in)/" + name, keys, diagnostics, read);
        return diagnostics.HasErrors
            ? throw new InvalidOperationException($"built-in {name} is invalid: {diagnostics.Items[0]}")
            : items;
    }

    private static IReadOnlyList<Organ> ReadOrgans(IReadOnlyList<FieldReader> items, DiagnosticBag diagnostics)
    {
        var organs = new List<Organ>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fields in items)
        {
            var id = ReadId(fields, seen, diagnostics, "organ");
            var name = fields.Text("name", required: true);
            if (id is null || name is null)
            {
                continue;
            }

            var code = fields.Text("code");
            if (code is not null && !Ids.IsCodeValid(code))
            {
                fields.Error("code", Codes.InvalidIndexNumber, $"the organisation code \"{code}\" cannot be used in a permalink",
                    "codes use letters and digits, optionally joined by . _ -, e.g. 000014349 or 11370000MB2850371X");
                code = null;
            }

            organs.Add(new Organ(id, name, fields.Text("short_name") ?? name, code));
        }

        return organs;
    }

    private static IReadOnlyList<Topic> ReadTopics(IReadOnlyList<FieldReader> items, DiagnosticBag diagnostics)
    {
        var topics = new List<Topic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddTopics(items, null, topics, seen, diagnostics);
        return topics;
    }

    private static void AddTopics(IReadOnlyList<FieldReader> items, Topic? parent, List<Topic> topics, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        foreach (var fields in items)
        {
            var id = ReadId(fields, seen, diagnostics, "topic");
            var name = fields.Text("name", required: true);
            if (id is null || name is null)
            {
                continue;
            }

            var topic = new Topic(id, parent is null ? name : parent.Name + "\\" + name, parent?.Id);
            topics.Add(topic);
            AddTopics(fields.MappingList("children", TopicKeys), topic, topics, seen, diagnostics);
        }
    }

    private static IReadOnlyList<Genre> ReadGenres(IReadOnlyList<FieldReader> items, DiagnosticBag diagnostics)
    {
        var genres = new List<Genre>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fields in items)
        {
            var id = ReadId(fields, seen, diagnostics, "genre");
            var name = fields.Text("name", required: true);
            var interpretation = fields.Choice("interpretation", FieldReader.Booleans);
            var policy = fields.Choice("policy", FieldReader.Booleans);
            if (id is null || name is null)
            {
                continue;
            }

            genres.Add(new Genre(id, name, fields.TextList("aliases").Select(a => a.Value).ToList(), interpretation ?? false,
                policy ?? false));
        }

        return genres;
    }


    /// <summary>The built-in genres, then the site's; a site genre with a built-in id replaces it.</summary>
    private static IReadOnlyList<Genre> MergeGenres(IReadOnlyList<Genre> defaults, IReadOnlyList<Genre> site)
    {
        var siteIds = site.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        return [.. defaults.Where(g => !siteIds.Contains(g.Id)), .. site];
    }

    private static IReadOnlyList<CatalogueEntry> ReadEntries(IReadOnlyList<FieldReader> items, DiagnosticBag diagnostics) =>
        ReadEntries(items, new HashSet<string>(StringComparer.Ordinal), diagnostics);

    private static IReadOnlyList<CatalogueEntry> ReadEntries(IReadOnlyList<FieldReader> items, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        var entries = new List<CatalogueEntry>();
        foreach (var fields in items)
        {
            var id = ReadId(fields, seen, diagnostics, "catalogue entry");
            var name = fields.Text("name", required: true);
            var period = fields.Text("period");
            if (period is not null && !Periods.Contains(period))
            {
                fields.Error("period", Codes.InvalidValue, $"'period' cannot be \"{period}\"",
                    DidYouMean.Hint(period, Periods) ?? $"write one of {string.Join(", ", Periods)}");
                period = null;
            }

            var children = ReadEntries(fields.MappingList("children", EntryKeys), seen, diagnostics);
            if (id is null || name is null)
            {
                continue;
            }

            entries.Add(new CatalogueEntry(id, name, fields.Text("description"), fields.Text("subject"), fields.Text("time_limit"),
                fields.Text("method"), period, children, period is null ? null : fields.KeyAt("period")));
        }

        return entries;
    }

    private static string? ReadId(FieldReader fields, HashSet<string> seen, DiagnosticBag diagnostics, string what)
    {
        var id = fields.Text("id", required: true);
        if (id is null)
        {
            return null;
        }

        if (!Ids.IsValid(id))
        {
            fields.Error("id", Codes.InvalidId, $"the {what} id \"{id}\" is not a valid id", Ids.Rule);
            return null;
        }

        if (!seen.Add(id))
        {
            fields.Error("id", Codes.DuplicateDefinition, $"the {what} id \"{id}\" is defined twice");
            return null;
        }

        return id;
    }
}
