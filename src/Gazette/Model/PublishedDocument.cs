namespace Gazette.Model;

/// <summary>
/// A 主动公开 document in the archive: its metadata and permanent URL. Its body is not part of it: bodies are rendered in
/// batches (<see cref="RenderedBody"/>) when the document pages are made.
/// </summary>
public sealed record PublishedDocument(Document Source, string IndexNumber, string Url)
{
    public string Id => Source.Id;
}
