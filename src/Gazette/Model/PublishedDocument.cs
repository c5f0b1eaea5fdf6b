namespace Gazette.Model;

/// <summary>A 主动公开 document ready to render: its metadata, permanent URL and body as HTML.</summary>
/// <param name="Text">the body's words without markup, for the search index.</param>
public sealed record PublishedDocument(Document Source, string IndexNumber, string Url, string BodyHtml, IReadOnlyList<Heading> Outline, string Text)
{
    public string Id => Source.Id;
}
