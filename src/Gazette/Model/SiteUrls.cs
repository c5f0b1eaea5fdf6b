using System.Globalization;

namespace Gazette.Model;

/// <summary>
/// Every URL of the site, root-relative and under the base path. The document permalink is its 索引号, so a document's URL never
/// depends on its file name. <see cref="ToOutputPath"/> maps a URL to the file that serves it.
/// </summary>
public sealed class SiteUrls(string basePath)
{
    public string BasePath { get; } = basePath;

    public string Home => BasePath;

    public string Gazette => BasePath + "gazette/";

    public string Catalogue => BasePath + "catalogue/";

    public string NotFound => BasePath + "404.html";

    public string Search => BasePath + "search/";

    /// <summary>Where the search index lives; its manifest is <c>{SearchIndex}manifest.json</c>.</summary>
    public string SearchIndex => BasePath + "search/";

    /// <summary>The open-data page; the data files lie beside it (<see cref="DataFile"/>).</summary>
    public string Data => BasePath + "data/";

    /// <summary>A file of the open data, e.g. <c>catalogue.json</c> or <c>documents/000014349/2018-00222.json</c>.</summary>
    public string DataFile(string path) => Data + path;

    /// <summary>The JSON file of one document under /data/documents/, named by its 索引号.</summary>
    public string DocumentData(string indexNumber) => DataFile("documents/" + indexNumber + ".json");

    /// <summary>The JSON file of one gazette issue's contents under /data/gazette/.</summary>
    public string IssueData(IssueKey key) => DataFile(string.Create(CultureInfo.InvariantCulture, $"gazette/{key.Year}/{key.Number}.json"));

    /// <summary>The short permalink of a document by its 索引号 (<c>/i/000014349/2018-00222</c>), redirected to its page.</summary>
    public string ByIndexNumber(string indexNumber) => BasePath + "i/" + indexNumber;

    /// <summary>
    /// The permalink of a document by its document number (<c>/n/&lt;key&gt;</c>): the search index's document-number key
    /// (brackets, spaces and 号 removed), percent-encoded as UTF-8, redirected to its page.
    /// </summary>
    public string ByDocumentNumber(string key) => BasePath + "n/" + Uri.EscapeDataString(key);

    public string Year(int year) => string.Create(CultureInfo.InvariantCulture, $"{Gazette}{year}/");

    public string Issue(IssueKey key) => string.Create(CultureInfo.InvariantCulture, $"{Gazette}{key.Year}/{key.Number}/");

    public string Document(string indexNumber) => BasePath + "documents/" + indexNumber + "/";

    public string Attachment(string indexNumber, string fileName) => Document(indexNumber) + Uri.EscapeDataString(fileName);

    public string Facet(string facet) => Catalogue + facet + "/";

    public string FacetValue(string facet, string value, int page = 1) => Paged(Facet(facet) + value + "/", page);

    public string Entry(string id, int page = 1) => Paged(Catalogue + "entries/" + id + "/", page);

    public string Asset(string hashedName) => BasePath + "assets/" + hashedName;

    /// <summary>The Atom feed of the whole site: its newest documents.</summary>
    public string Feed => BasePath + "feed.xml";

    /// <summary>The Atom feed of one value of a navigation (an organ, a topic), beside its listing.</summary>
    public string FacetFeed(string facet, string value) => Facet(facet) + value + "/feed.xml";

    /// <summary>The Atom feed of the gazette: its newest issues.</summary>
    public string GazetteFeed => Gazette + "feed.xml";

    /// <summary>The sitemap, or the sitemap index when the site has more pages than one sitemap may list.</summary>
    public string Sitemap => BasePath + "sitemap.xml";

    /// <summary>The <paramref name="number"/>th (1-based) sitemap listed by the sitemap index.</summary>
    public string SitemapPart(int number) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}sitemap-{number}.xml");

    /// <summary>robots.txt; crawlers read it at the root of a host only, so it does its work when the base path is '/'.</summary>
    public string Robots => BasePath + "robots.txt";

    public static string Paged(string url, int page) =>
        page <= 1 ? url : string.Create(CultureInfo.InvariantCulture, $"{url}page/{page}/");

    /// <summary>The output file for a URL of this site: directories get index.html.</summary>
    public string ToOutputPath(string url)
    {
        var path = Uri.UnescapeDataString(url[BasePath.Length..]);
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    /// <summary>The absolute form of a root-relative URL, given the site's base URL.</summary>
    public static string Absolute(string baseUrl, string basePath, string url) => baseUrl + url[basePath.Length..];
}
