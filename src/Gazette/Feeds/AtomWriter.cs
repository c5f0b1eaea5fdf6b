using System.Xml;

namespace Gazette.Feeds;

/// <summary>
/// Writes an <see cref="AtomFeed"/> as Atom 1.0 (RFC 4287), elements in one fixed order, text as plain text (type="text"):
/// the schema in tests/Gazette.Tests/Schemas/atom.xsd describes exactly this. Pure: a feed in, bytes out.
/// </summary>
public static class AtomWriter
{
    /// <summary>The Atom namespace.</summary>
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>The media type of an Atom feed, for links to it.</summary>
    public const string MediaType = "application/atom+xml";

    public static byte[] Write(AtomFeed feed)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, feed.Language);
            Text(xml, "id", feed.Id);
            Text(xml, "title", feed.Title);
            if (feed.Subtitle is { } subtitle)
            {
                Text(xml, "subtitle", subtitle);
            }

            Text(xml, "updated", XmlText.DateTime(feed.Updated));
            Link(xml, "self", MediaType, feed.SelfUrl);
            Link(xml, "alternate", "text/html", feed.PageUrl);
            Person(xml, new AtomPerson(feed.Author, null));
            Text(xml, "generator", "Gazette");
            foreach (var entry in feed.Entries)
            {
                Entry(xml, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Entry(XmlWriter xml, AtomEntry entry)
    {
        xml.WriteStartElement("entry", Namespace);
        Text(xml, "id", entry.Id);
        Text(xml, "title", entry.Title);
        Link(xml, "alternate", "text/html", entry.PageUrl);
        Text(xml, "published", XmlText.DateTime(entry.Published));
        Text(xml, "updated", XmlText.DateTime(entry.Updated));
        foreach (var author in entry.Authors)
        {
            Person(xml, author);
        }

        if (entry.Summary is { } summary)
        {
            Text(xml, "summary", summary);
        }

        foreach (var category in entry.Categories)
        {
            xml.WriteStartElement("category", Namespace);
            xml.WriteAttributeString("term", XmlText.Clean(category.Term));
            xml.WriteAttributeString("scheme", category.Scheme);
            xml.WriteAttributeString("label", XmlText.Clean(category.Label));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Person(XmlWriter xml, AtomPerson person)
    {
        xml.WriteStartElement("author", Namespace);
        Text(xml, "name", person.Name);
        if (person.Uri is { } uri)
        {
            Text(xml, "uri", uri);
        }

        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string text) => xml.WriteElementString(name, Namespace, XmlText.Clean(text));
}
