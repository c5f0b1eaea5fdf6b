using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gazette.Model;

namespace Gazette.Rendering;

/// <summary>Schema.org <c>Legislation</c> metadata of a document page, safe to place inside a script element.</summary>
public static class JsonLd
{
    // The encoder keeps CJK readable but still escapes < > & so the text can never close the script element.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>The buffer and writer each thread writes a document's metadata with, kept from document to document.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _writing;

    /// <param name="textSha256">the text hash of the document's body, given as the SHA-256 of the Markdown that encodes it.</param>
    public static string Legislation(Archive archive, PublishedDocument document, string textSha256)
    {
        var site = archive.Config.Site;
        var source = document.Source;
        string Absolute(string url) => SiteUrls.Absolute(site.BaseUrl, archive.Urls.BasePath, url);
        if (_writing is not { } writing)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            _writing = writing = (buffer, new Utf8JsonWriter(buffer, Options));
        }

        var (written, json) = writing;
        written.ResetWrittenCount();
        json.Reset(written);
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "Legislation");
        var url = Absolute(document.Url);
        json.WriteString("@id", url);
        json.WriteString("url", url);
        json.WriteString("name", source.Title);
        json.WriteString("identifier", document.IndexNumber);
        json.WriteString("inLanguage", "zh-CN");
        json.WriteString("legislationDate", ViewDate(source.Written));
        json.WriteString("datePublished", ViewDate(source.Published));
        json.WriteString("legislationType", archive.Config.FindGenre(source.Genre)?.Name ?? source.Genre);
        json.WriteString("about", archive.Config.FindTopic(source.Topic)?.Name ?? source.Topic);
        json.WriteString("legislationLegalForce", "https://schema.org/" + LegalForce(source.Validity.Status));
        json.WriteStartArray("legislationPassedBy");
        foreach (var organ in source.Issuers.Select(archive.Config.FindOrgan).OfType<Organ>())
        {
            Organisation(json, organ.Name);
        }

        json.WriteEndArray();
        json.WritePropertyName("publisher");
        Organisation(json, site.Publisher);
        json.WriteStartObject("encoding");
        json.WriteString("@type", "MediaObject");
        json.WriteString("encodingFormat", "text/markdown");
        json.WriteString("sha256", textSha256);
        json.WriteEndObject();
        if (source.DocNumber is { } number)
        {
            json.WriteString("legislationIdentifier", number);
        }

        if (source.Summary is { } summary)
        {
            json.WriteString("abstract", summary);
        }

        if (source.Validity.Date is { } date && source.Validity.Status != ValidityStatus.Valid)
        {
            json.WriteString("expires", ViewDate(date));
        }

        var changes = archive.SupersededBy(source.Id).ToList();
        if (changes.Count > 0)
        {
            json.WriteStartArray("legislationChanges");
            foreach (var change in changes)
            {
                json.WriteStringValue(Absolute(change.Url));
            }

            json.WriteEndArray();
        }

        if (source.Gazette is { } placement && archive.FindIssue(placement.IssueKey) is { } issue)
        {
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "PublicationIssue");
            json.WriteString("@id", Absolute(archive.Urls.Issue(placement.IssueKey)));
            json.WriteNumber("issueNumber", placement.Issue);
            json.WriteString("datePublished", ViewDate(issue.Issue.Date));
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "Periodical");
            json.WriteString("name", site.Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.Flush();
        return Encoding.UTF8.GetString(written.WrittenSpan);
    }

    private static void Organisation(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("@type", "GovernmentOrganization");
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static string LegalForce(ValidityStatus status) => status switch
    {
        ValidityStatus.Valid => "InForce",
        ValidityStatus.Amended => "PartiallyInForce",
        _ => "NotInForce",
    };

    private static string ViewDate(DateOnly date) => ViewFactory.Date(date);
}
