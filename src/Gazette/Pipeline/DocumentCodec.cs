using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Writes a <see cref="Document"/> and its <see cref="Diagnostic"/>s as bytes and reads them back equal, for the build cache
/// (<see cref="ParsedDocumentCache"/>): every member the parse sets, in a fixed order. A member added to the model must be
/// added here too; <c>DocumentCodecTests</c> fails until it is.
/// </summary>
internal static class DocumentCodec
{
    public static void Write(BinaryWriter writer, Document d)
    {
        writer.Write(d.Id);
        Write(writer, d.Source);
        writer.Write(d.Title);
        WriteOptional(writer, d.DocNumber);
        WriteOptional(writer, d.IndexNumber);
        WriteList(writer, d.Issuers, writer.Write);
        writer.Write(d.Written.DayNumber);
        writer.Write(d.Published.DayNumber);
        writer.Write(d.Topic);
        writer.Write(d.Genre);
        WriteOptional(writer, d.Summary);
        writer.Write((int)d.Disclosure);
        WriteOptional(writer, d.DisclosureReason);
        writer.Write((int)d.Validity.Status);
        writer.Write(d.Validity.Date?.DayNumber ?? -1);
        WriteOptional(writer, d.Validity.RepealedBy);
        WriteOptional(writer, d.Validity.AmendedBy);
        WriteOptional(writer, d.Validity.Note);
        WriteOptional(writer, d.Interprets);
        writer.Write(d.Gazette is not null);
        if (d.Gazette is { } g)
        {
            writer.Write(g.Year);
            writer.Write(g.Issue);
            writer.Write(g.Section);
            writer.Write(g.Order);
        }

        WriteList(writer, d.Attachments, a =>
        {
            writer.Write(a.Title);
            writer.Write(a.FileName);
            writer.Write(a.SourcePath);
            writer.Write(a.Size);
        });
        WriteList(writer, d.Catalogue, writer.Write);
        writer.Write(d.BodyOffset);
        writer.Write(d.BodyLine);
        var fields = d.Fields as FieldLocations ?? FieldLocations.From(d.Fields, d.Source.Path);
        WriteList(writer, fields.SortedKeys, writer.Write);
        WriteList(writer, fields.Places, writer.Write);
        writer.Write((int)d.Privacy);
        WriteOptional(writer, d.PrivacyReason);
        writer.Write(d.LegalForm is { } form ? (int)form : -1);
        writer.Write(d.Draft);
        WriteList(writer, d.Aliases, a =>
        {
            writer.Write(a.Path);
            Write(writer, a.At);
        });
    }

    /// <summary>The XXH128 of a document as <see cref="Write(BinaryWriter, Document)"/> writes it: all its metadata.</summary>
    public static Digest128 Digest(Document document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            Write(writer, document);
        }

        return Digest128.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <param name="shared">the texts many documents hold (field keys, organ, topic, genre and catalogue ids) and lists of them
    /// (organs, catalogue entries, the keys of the front matter), read so far from the same file: each is kept once.</param>
    public static Document ReadDocument(CacheReader reader, SharedTexts shared)
    {
        string Shared() => reader.ReadShared(shared);

        string[] SharedList()
        {
            var items = shared.Scratch(reader.ReadCount());
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = reader.ReadShared(shared);
            }

            return shared.List(items);
        }

        var id = reader.ReadString();
        var source = ReadLocation(reader);
        var title = reader.ReadString();
        var docNumber = ReadOptional(reader);
        var indexNumber = ReadOptional(reader);
        var issuers = SharedList();
        var written = DateOnly.FromDayNumber(reader.ReadInt32());
        var published = DateOnly.FromDayNumber(reader.ReadInt32());
        var topic = Shared();
        var genre = Shared();
        var summary = ReadOptional(reader);
        var disclosure = (Disclosure)reader.ReadInt32();
        var disclosureReason = ReadOptional(reader);
        var status = (ValidityStatus)reader.ReadInt32();
        var validityDate = reader.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : (DateOnly?)null;
        var validity = new Validity(status, validityDate, ReadOptional(reader), ReadOptional(reader), ReadOptional(reader));
        var interprets = ReadOptional(reader);
        var gazette = reader.ReadBoolean() ? new GazettePlacement(reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadInt32()) : null;
        var attachments = ReadList(reader, () => new Attachment(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadInt64()));
        var catalogue = SharedList();
        var bodyOffset = reader.ReadInt32();
        var bodyLine = reader.ReadInt32();
        var fields = FieldLocations.FromSorted(source.Path, SharedList(), ReadList(reader, reader.ReadInt32));
        return new Document(id, source, title, docNumber, indexNumber, issuers, written, published, topic, genre, summary, disclosure,
            disclosureReason, validity, interprets, gazette, attachments, catalogue, bodyOffset, bodyLine, fields)
        {
            Privacy = (PrivacyMode)reader.ReadInt32(),
            PrivacyReason = ReadOptional(reader),
            LegalForm = reader.ReadInt32() is var form and >= 0 ? (LegalForm)form : null,
            Draft = reader.ReadBoolean(),
            Aliases = ReadList(reader, () => new Alias(reader.ReadString(), ReadLocation(reader))),
        };
    }

    public static void Write(BinaryWriter writer, Diagnostic d)
    {
        Write(writer, d.Location);
        writer.Write((int)d.Severity);
        writer.Write(d.Code.Id);
        writer.Write(d.Code.Title);
        writer.Write(d.Message);
        WriteOptional(writer, d.Hint);
    }

    public static Diagnostic ReadDiagnostic(CacheReader reader) =>
        new(ReadLocation(reader), (Severity)reader.ReadInt32(), new DiagnosticCode(reader.ReadString(), reader.ReadString()), reader.ReadString(), ReadOptional(reader));

    public static void Write(BinaryWriter writer, WithheldPassage passage)
    {
        writer.Write(passage.Text);
        writer.Write(passage.DocumentId);
        writer.Write(passage.What);
        Write(writer, passage.At);
        writer.Write(passage.InPaths);
    }

    public static WithheldPassage ReadPassage(CacheReader reader) =>
        new(reader.ReadString(), reader.ReadString(), reader.ReadString(), ReadLocation(reader), reader.ReadBoolean());

    private static void Write(BinaryWriter writer, SourceLocation at)
    {
        writer.Write(at.Path);
        writer.Write(at.Line);
        writer.Write(at.Column);
    }

    private static SourceLocation ReadLocation(CacheReader reader) => new(reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadOptional(CacheReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    private static T[] ReadList<T>(CacheReader reader, Func<T> read)
    {
        var count = reader.ReadCount();
        var items = count == 0 ? [] : new T[count]; // most lists are empty: one array for all of them, not one per document
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read();
        }

        return items;
    }
}
