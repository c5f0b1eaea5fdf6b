using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gazette.Model;
using Gazette.Reports;
using Gazette.Rendering;

namespace Gazette.OpenData;

/// <summary>
/// Writes the JSON of the open data (README, "Open data"): one document's record, a gazette issue's contents, the list of
/// issues and the head of the catalogue. Keys are snake_case English, values as the content writes them (names of organs,
/// topics and genres, 有效/失效/废止/已修改, 规章/行政规范性文件/其他), dates YYYY-MM-DD, addresses absolute; an absent value is
/// null, so every record has every key.
/// </summary>
public sealed class OpenDataJson(Archive archive)
{
    /// <summary>The version of the shape of every file under /data/; it changes when a field changes or goes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Keeps Chinese readable, escapes what could close an HTML element, writes no indentation.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    private readonly SiteConfiguration _config = archive.Config;
    private readonly SiteUrls _urls = archive.Urls;
    private readonly Dictionary<IssueKey, Issue> _issues = archive.Issues.ToDictionary(i => i.Issue.Key, i => i.Issue);

    /// <summary>The absolute form of a URL of the site.</summary>
    public string Absolute(string url) => SiteUrls.Absolute(_config.Site.BaseUrl, _urls.BasePath, url);

    /// <summary>The whole file of one document: <c>schema_version</c>, the site's licence, then its record.</summary>
    public void WriteDocumentFile(Utf8JsonWriter json, PublishedDocument document, string textSha256)
    {
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);
        WriteLicence(json);
        WriteDocumentFields(json, document, textSha256);
        json.WriteEndObject();
    }

    /// <summary>One document's record, as an object of its own (an item of the catalogue's <c>documents</c>).</summary>
    public void WriteDocument(Utf8JsonWriter json, PublishedDocument document, string textSha256)
    {
        json.WriteStartObject();
        WriteDocumentFields(json, document, textSha256);
        json.WriteEndObject();
    }

    /// <summary>The start of catalogue.json up to the opening bracket of <c>documents</c>.</summary>
    public void WriteCatalogueHead(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);
        WriteSite(json);
        WriteLicence(json);
        WriteNullable(json, "data_date", DataDate is { } date ? ViewFactory.Date(date) : null);
        json.WriteNumber("document_count", archive.Documents.Count);
        json.WriteStartArray("documents");
    }

    /// <summary>The end of catalogue.json, after the last document.</summary>
    public static void WriteCatalogueTail(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>gazette.json: every issue, oldest first, with its address and the address of its contents.</summary>
    public void WriteIssueList(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);
        WriteSite(json);
        WriteLicence(json);
        json.WriteStartArray("issues");
        foreach (var contents in archive.Issues)
        {
            json.WriteStartObject();
            WriteIssueFields(json, contents.Issue);
            json.WriteNumber("document_count", contents.DocumentCount);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One issue's contents: its metadata and every section in the order the issue prints them, with their documents.</summary>
    public void WriteIssue(Utf8JsonWriter json, IssueContents contents)
    {
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);
        WriteLicence(json);
        WriteIssueFields(json, contents.Issue);
        json.WriteStartArray("sections");
        foreach (var (section, documents) in contents.Sections)
        {
            json.WriteStartObject();
            json.WriteString("name", section);
            json.WriteStartArray("documents");
            foreach (var document in documents)
            {
                json.WriteStartObject();
                json.WriteNumber("order", document.Source.Gazette!.Order);
                json.WriteString("index_number", document.IndexNumber);
                json.WriteString("title", document.Source.Title);
                WriteNullable(json, "doc_number", document.Source.DocNumber);
                json.WriteString("url", Absolute(document.Url));
                json.WriteString("data_url", Absolute(_urls.DocumentData(document.IndexNumber)));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The date of the data: the newest 发布日期 of a published document (never the clock), or null when none is published.</summary>
    public DateOnly? DataDate => archive.Documents.Count > 0 ? archive.Documents[0].Source.Published : null;

    private void WriteDocumentFields(Utf8JsonWriter json, PublishedDocument document, string textSha256)
    {
        var source = document.Source;
        json.WriteString("index_number", document.IndexNumber);
        json.WriteString("title", source.Title);
        WriteNullable(json, "doc_number", source.DocNumber);
        json.WriteStartArray("organs");
        foreach (var id in source.Issuers)
        {
            WriteNamed(json, null, id, _config.FindOrgan(id)?.Name ?? id);
        }

        json.WriteEndArray();
        WriteNamed(json, "topic", source.Topic, _config.FindTopic(source.Topic)?.Name ?? source.Topic);
        WriteNamed(json, "genre", source.Genre, _config.FindGenre(source.Genre)?.Name ?? source.Genre);
        json.WriteString("legal_form", AnnualTableMarkdown.Label(_config.LegalFormOf(source)));
        json.WriteString("written", ViewFactory.Date(source.Written));
        json.WriteString("published", ViewFactory.Date(source.Published));
        WriteNullable(json, "summary", source.Summary);

        var validity = source.Validity;
        json.WriteStartObject("validity");
        json.WriteString("status", ValidityName(validity.Status));
        WriteNullable(json, "date", validity.Date is { } date ? ViewFactory.Date(date) : null);
        WriteReference(json, "repealed_by", validity.RepealedBy);
        WriteReference(json, "amended_by", validity.AmendedBy);
        WriteNullable(json, "note", validity.Note);
        json.WriteEndObject();

        WriteReference(json, "interprets", source.Interprets);
        if (source.Gazette is { } placement && _issues.TryGetValue(placement.IssueKey, out var issue))
        {
            json.WriteStartObject("gazette");
            WriteIssueFields(json, issue);
            json.WriteString("section", placement.Section);
            json.WriteNumber("order", placement.Order);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("gazette");
        }

        json.WriteStartArray("catalogue");
        foreach (var entry in source.Catalogue.Select(_config.FindEntry).OfType<CatalogueEntry>())
        {
            WriteNamed(json, null, entry.Id, entry.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("attachments");
        foreach (var attachment in source.Attachments)
        {
            json.WriteStartObject();
            json.WriteString("title", attachment.Title);
            json.WriteString("file_name", attachment.FileName);
            json.WriteString("url", Absolute(_urls.Attachment(document.IndexNumber, attachment.FileName)));
            json.WriteNumber("size", attachment.Size);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("url", Absolute(document.Url));
        json.WriteString("data_url", Absolute(_urls.DocumentData(document.IndexNumber)));
        json.WriteString("text_sha256", textSha256);
    }

    private void WriteIssueFields(Utf8JsonWriter json, Issue issue)
    {
        json.WriteNumber("year", issue.Key.Year);
        json.WriteNumber("issue", issue.Key.Number);
        if (issue.Total is { } total)
        {
            json.WriteNumber("total", total);
        }
        else
        {
            json.WriteNull("total");
        }

        WriteNullable(json, "title", issue.Title);
        json.WriteString("date", ViewFactory.Date(issue.Date));
        json.WriteString("url", Absolute(_urls.Issue(issue.Key)));
        json.WriteString("data_url", Absolute(_urls.IssueData(issue.Key)));
    }

    /// <summary>A reference to another published document: its 索引号, title and address; null when there is none.</summary>
    private void WriteReference(Utf8JsonWriter json, string name, string? id)
    {
        if (id is null || archive.Find(id) is not { } target)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("index_number", target.IndexNumber);
        json.WriteString("title", target.Source.Title);
        json.WriteString("url", Absolute(target.Url));
        json.WriteEndObject();
    }

    private void WriteSite(Utf8JsonWriter json)
    {
        var site = _config.Site;
        json.WriteStartObject("site");
        json.WriteString("name", site.Name);
        json.WriteString("publisher", site.Publisher);
        json.WriteString("base_url", site.BaseUrl);
        json.WriteEndObject();
    }

    private void WriteLicence(Utf8JsonWriter json)
    {
        if (_config.Site.DataLicence is not { } licence)
        {
            json.WriteNull("licence");
            return;
        }

        json.WriteStartObject("licence");
        json.WriteString("name", licence.Name);
        json.WriteString("url", licence.Url);
        json.WriteEndObject();
    }

    private static void WriteNamed(Utf8JsonWriter json, string? property, string id, string name)
    {
        if (property is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(property);
        }

        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>有效性 as content writes it.</summary>
    public static string ValidityName(ValidityStatus status) => status switch
    {
        ValidityStatus.Valid => "有效",
        ValidityStatus.Expired => "失效",
        ValidityStatus.Repealed => "废止",
        _ => "已修改",
    };
}
