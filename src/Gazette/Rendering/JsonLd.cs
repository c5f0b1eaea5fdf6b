using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Gazette.Model;

namespace Gazette.Rendering;

/// <summary>Schema.org <c>Legislation</c> metadata of a document page, safe to place inside a script element.</summary>
public static class JsonLd
{
    // The encoder keeps CJK readable but still escapes < > & so the text can never close the script element.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <param name="textSha256">the text hash of the document's body, given as the SHA-256 of the Markdown that encodes it.</param>
    public static string Legislation(Archive archive, PublishedDocument document, string textSha256)
    {
        var site = archive.Config.Site;
        var source = document.Source;
        string Absolute(string url) => SiteUrls.Absolute(site.BaseUrl, site.BasePath, url);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Legislation",
            ["@id"] = Absolute(document.Url),
            ["url"] = Absolute(document.Url),
            ["name"] = source.Title,
            ["identifier"] = document.IndexNumber,
            ["inLanguage"] = "zh-CN",
            ["legislationDate"] = ViewDate(source.Written),
            ["datePublished"] = ViewDate(source.Published),
            ["legislationType"] = archive.Config.FindGenre(source.Genre)?.Name ?? source.Genre,
            ["about"] = archive.Config.FindTopic(source.Topic)?.Name ?? source.Topic,
            ["legislationLegalForce"] = "https://schema.org/" + LegalForce(source.Validity.Status),
            ["legislationPassedBy"] = new JsonArray(source.Issuers
                .Select(id => archive.Config.FindOrgan(id))
                .Where(o => o is not null)
                .Select(o => (JsonNode)new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = o!.Name })
                .ToArray()),
            ["publisher"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = site.Publisher },
            ["encoding"] = new JsonObject { ["@type"] = "MediaObject", ["encodingFormat"] = "text/markdown", ["sha256"] = textSha256 },
        };
        if (source.DocNumber is { } number)
        {
            json["legislationIdentifier"] = number;
        }

        if (source.Summary is { } summary)
        {
            json["abstract"] = summary;
        }

        if (source.Validity.Date is { } date && source.Validity.Status != ValidityStatus.Valid)
        {
            json["expires"] = ViewDate(date);
        }

        var changes = archive.SupersededBy(source.Id).Select(d => (JsonNode)Absolute(d.Url)).ToArray();
        if (changes.Length > 0)
        {
            json["legislationChanges"] = new JsonArray(changes);
        }

        if (source.Gazette is { } placement && archive.Issues.FirstOrDefault(i => i.Issue.Key == placement.IssueKey) is { } issue)
        {
            json["isPartOf"] = new JsonObject
            {
                ["@type"] = "PublicationIssue",
                ["@id"] = Absolute(archive.Urls.Issue(placement.IssueKey)),
                ["issueNumber"] = placement.Issue,
                ["datePublished"] = ViewDate(issue.Issue.Date),
                ["isPartOf"] = new JsonObject { ["@type"] = "Periodical", ["name"] = site.Name },
            };
        }

        return json.ToJsonString(Options);
    }

    private static string LegalForce(ValidityStatus status) => status switch
    {
        ValidityStatus.Valid => "InForce",
        ValidityStatus.Amended => "PartiallyInForce",
        _ => "NotInForce",
    };

    private static string ViewDate(DateOnly date) => ViewFactory.Date(date);
}
