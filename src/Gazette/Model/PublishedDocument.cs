namespace Gazette.Model;

/// <summary>
/// A 主动公开 document in the archive: its metadata and permanent URL. Its body is not part of it: bodies are rendered in
/// batches (<see cref="RenderedBody"/>) when the document pages are made.
/// </summary>
public sealed record PublishedDocument(Document Source, string IndexNumber, string Url)
{
    public string Id => Source.Id;

    /// <summary>
    /// Where the last <see cref="Archive"/> made of it put it among its documents (-1: none yet): <see cref="Archive.IndexOf"/>
    /// checks it there and looks no further, where a table of 50,000 documents looked up for each listing entry took a tenth of
    /// a build after a title change. Not part of the document's value (<see cref="Equals(PublishedDocument?)"/>).
    /// </summary>
    internal int Position { get; set; } = -1;

    public bool Equals(PublishedDocument? other) =>
        ReferenceEquals(this, other) || (other is not null && Source == other.Source && IndexNumber == other.IndexNumber && Url == other.Url);

    public override int GetHashCode() => HashCode.Combine(Source, IndexNumber, Url);
}
