using Gazette.Content;
using Gazette.Model;
using Gazette.Theme;
using YamlDotNet.RepresentationModel;

namespace Gazette.Admin;

/// <summary>
/// Makes the administration page's config.yml (Decap CMS) from <see cref="ContentSchema"/> and the site's vocabularies: a
/// collection of documents and one of gazette issues, every front-matter key with its Chinese label, whether it is required,
/// and the widget its kind of value calls for. It holds the schema, the vocabularies and site.yml's <c>admin:</c> only — no
/// document — so nothing of a withheld document can reach it. Pure: the same configuration gives the same bytes.
/// </summary>
internal sealed class DecapConfiguration
{
    /// <summary>The documents collection's name in the configuration.</summary>
    public const string DocumentsCollection = "documents";

    /// <summary>The gazette issues collection's name in the configuration.</summary>
    public const string IssuesCollection = "gazettes";

    /// <summary>
    /// Keys of <see cref="ContentSchema.Document"/> the page does not offer, with the reason. None today: <c>extra</c> is
    /// not in the schema (it holds whatever a site wants, which no form can describe; Decap keeps it in the file untouched).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What an id looks like (lower-case letters, digits and hyphens), for the fields that name a document.</summary>
    private const string IdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>The configuration as YAML text (UTF-8 without BOM, LF line ends when written).</summary>
    /// <param name="logoUrl">the address of the site's emblem, shown on the login screen instead of Decap's logo; null: Decap's.</param>
    public string Run(SiteConfiguration config, UiStrings strings, string? logoUrl = null)
    {
        var root = Map(
            ("backend", Backend(config.Site.Admin)),
            ("local_backend", Scalar(config.Site.Admin.LocalBackend)),
            ("locale", Scalar(config.Site.Language == "zh-CN" ? "zh_Hans" : "en")),
            ("site_url", Scalar(config.Site.BaseUrl)),
            ("display_url", Scalar(config.Site.BaseUrl)),
            // Attachments live beside their document (each collection says so below); this folder is only Decap's required default.
            ("media_folder", Scalar("content/documents")),
            ("public_folder", Scalar("")),
            ("collections", new YamlSequenceNode(Documents(config, strings), Issues(strings))));
        if (logoUrl is not null)
        {
            root.Children.Insert(5, Scalar("logo_url"), Scalar(logoUrl)); // after display_url
        }

        using var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet ends a document with "...", which Decap's YAML reader accepts but a person reading the file need not see.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode Backend(AdminSettings admin)
    {
        var backend = Map(("name", Scalar(admin.Backend)));
        if (admin.Repository is { } repository)
        {
            backend.Add("repo", repository);
        }

        backend.Add("branch", admin.Branch);
        return backend;
    }

    private static YamlMappingNode Documents(SiteConfiguration config, UiStrings strings)
    {
        var fields = new YamlSequenceNode(ContentSchema.Document.Where(f => !Excluded.ContainsKey(f.Key)).Select(f => Field(f, config)));
        fields.Add(Map(("name", Scalar("body")), ("label", Scalar("正文")), ("widget", Scalar("markdown")), ("required", Scalar(false)),
            ("hint", Scalar("Markdown：## 标题、1. 列表、| 表格 |；链接其他文件写作 [标题](doc:文件标识)"))));
        return Map(
            ("name", Scalar(DocumentsCollection)),
            ("label", Scalar(strings["admin_documents"])),
            ("label_singular", Scalar(strings["admin_document"])),
            ("folder", Scalar("content/documents")),
            // One folder per year, like the sample (documents/2019/…); a new document's file is named by when it was created,
            // which makes a valid id. Documents deeper down (documents/imported/<year>/) are not listed.
            ("path", Scalar("{{year}}/{{slug}}")),
            ("slug", Scalar("{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}")),
            ("extension", Scalar("md")),
            ("format", Scalar("yaml-frontmatter")),
            ("create", Scalar(true)),
            ("identifier_field", Scalar("title")),
            ("summary", Scalar("{{published}} {{title}}")),
            ("sortable_fields", new YamlSequenceNode(Scalar("published"), Scalar("written"), Scalar("title"))),
            // Attachments are files beside the document, named by their path from it.
            ("media_folder", Scalar("")),
            ("public_folder", Scalar("")),
            ("fields", fields));
    }

    private static YamlMappingNode Issues(UiStrings strings) =>
        Map(
            ("name", Scalar(IssuesCollection)),
            ("label", Scalar(strings["admin_issues"])),
            ("label_singular", Scalar(strings["admin_issue"])),
            ("folder", Scalar("content/gazettes")),
            // gazettes/<year>/<issue>.yml; the build checks that the year and number agree with the file (GZ0306).
            ("path", Scalar("{{year}}/{{fields.issue}}")),
            ("extension", Scalar("yml")),
            ("format", Scalar("yaml")),
            ("create", Scalar(true)),
            ("identifier_field", Scalar("issue")),
            ("summary", Scalar("{{date}} 第{{issue}}期")),
            ("fields", new YamlSequenceNode(ContentSchema.Issue.Select(f => Field(f, null)))));

    private static YamlMappingNode Field(ContentField field, SiteConfiguration? config)
    {
        var node = Map(("name", Scalar(field.Key)), ("label", Scalar(field.Label)));
        foreach (var (key, value) in Widget(field, config))
        {
            node.Add(key, value);
        }

        node.Add("required", Scalar(field.Required));
        node.Add("hint", field.Hint);
        return node;
    }

    /// <summary>The widget for a kind of value, and its settings.</summary>
    private static IEnumerable<(string Key, YamlNode Value)> Widget(ContentField field, SiteConfiguration? config)
    {
        switch (field.Kind)
        {
            case FieldKind.Text:
                yield return ("widget", Scalar("string"));
                break;
            case FieldKind.LongText:
                yield return ("widget", Scalar("text"));
                break;
            case FieldKind.Date:
                yield return ("widget", Scalar("datetime"));
                yield return ("format", Scalar("YYYY-MM-DD"));
                yield return ("date_format", Scalar("YYYY-MM-DD"));
                yield return ("time_format", Scalar(false));
                yield return ("picker_utc", Scalar(true));
                break;
            case FieldKind.Integer:
                yield return ("widget", Scalar("number"));
                yield return ("value_type", Scalar("int"));
                break;
            case FieldKind.Boolean:
                yield return ("widget", Scalar("boolean"));
                if (field.Key == "draft")
                {
                    yield return ("default", Scalar(true)); // like `gazette new`, a new document is a draft until it is reviewed
                }

                break;
            case FieldKind.Choice:
                yield return ("widget", Scalar("select"));
                yield return ("options", new YamlSequenceNode(field.Values.Select(v => (YamlNode)Scalar(v))));
                if (field.Key == "disclosure")
                {
                    yield return ("default", Scalar(field.Values[0]));
                }

                break;
            case FieldKind.Organs:
                foreach (var setting in Select(config!.Organs.Select(o => (o.Name, o.Id)), multiple: true))
                {
                    yield return setting;
                }

                break;
            case FieldKind.Topic:
                foreach (var setting in Select(config!.Topics.Select(t => (t.Name, t.Name)), multiple: false))
                {
                    yield return setting;
                }

                break;
            case FieldKind.Genre:
                foreach (var setting in Select(config!.Genres.Select(g => (g.Name, g.Name)), multiple: false))
                {
                    yield return setting;
                }

                break;
            case FieldKind.CatalogueEntries:
                foreach (var setting in Select(SiteConfiguration.Flatten(config!.Catalogue).Select(e => (e.Name, e.Id)), multiple: true))
                {
                    yield return setting;
                }

                break;
            case FieldKind.DocumentReference:
                // The id of the document (its file name without .md unless it sets id:). Decap's relation widget can store only a
                // field of the entry or its slug, and a document's slug here holds its year folder, so the id is typed; the build
                // checks that it names a published document (GZ0204, GZ0205).
                yield return ("widget", Scalar("string"));
                yield return ("pattern", new YamlSequenceNode(Scalar(IdPattern), Scalar("文件标识：小写字母、数字和连字符，即文件名去掉 .md")));
                break;
            case FieldKind.TextList:
                yield return ("widget", Scalar("list"));
                yield return ("field", Map(("name", Scalar("item")), ("label", Scalar(field.Label)), ("widget", Scalar("string"))));
                break;
            case FieldKind.Mapping:
                yield return ("widget", Scalar("object"));
                yield return ("collapsed", Scalar(true));
                yield return ("fields", new YamlSequenceNode(field.Fields.Select(f => Field(f, config))));
                break;
            case FieldKind.MappingList:
                yield return ("widget", Scalar("list"));
                yield return ("fields", new YamlSequenceNode(field.Fields.Select(f => Field(f, config))));
                break;
            case FieldKind.File:
                yield return ("widget", Scalar("file"));
                yield return ("choose_url", Scalar(false));
                break;
            default:
                throw new InvalidOperationException($"no widget for {field.Kind}");
        }
    }

    /// <summary>A select of a vocabulary (names shown, the value written); a text field when the vocabulary is empty.</summary>
    private static IEnumerable<(string Key, YamlNode Value)> Select(IEnumerable<(string Label, string Value)> options, bool multiple)
    {
        var items = options.Select(o => (YamlNode)Map(("label", Scalar(o.Label)), ("value", Scalar(o.Value)))).ToList();
        if (items.Count == 0)
        {
            yield return ("widget", Scalar(multiple ? "list" : "string"));
            yield break;
        }

        yield return ("widget", Scalar("select"));
        yield return ("multiple", Scalar(multiple));
        yield return ("options", new YamlSequenceNode(items));
    }

    private static YamlMappingNode Map(params (string Key, YamlNode Value)[] pairs)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in pairs)
        {
            map.Add(key, value);
        }

        return map;
    }

    private static YamlScalarNode Scalar(string value) => new(value);

    private static YamlScalarNode Scalar(bool value) => new(value ? "true" : "false");
}
