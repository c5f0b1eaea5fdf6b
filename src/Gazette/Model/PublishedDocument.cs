namespace Gazette.Model;

/// <summary>A 主动公开 document ready to render: its metadata, permanent URL and body as HTML.</summary>
public sealed record PublishedDocument(Document Source, string IndexNumber, string Url, string BodyHtml, IReadOnlyList<Heading> Outline)
{
    public string Id => Source.Id;
}
