using System.Text;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Reads the Markdown bodies of a batch of documents from their files, where <see cref="ParseDocuments"/> found them. Bodies
/// are read when they are rendered, a batch at a time, so a build never holds every body at once.
/// </summary>
public sealed class ReadDocumentBodies
{
    /// <returns>each document's body, in the order given; an empty body (after a GZ0001) when the file can no longer be read as it was.</returns>
    public IReadOnlyList<string> Run(BuildOptions options, IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
        => diagnostics.MapInParallel(documents.Count, (i, local) => Read(options, documents[i], local) ?? "");

    private static string? Read(BuildOptions options, Document document, DiagnosticBag diagnostics)
    {
        PooledFile file;
        try
        {
            file = PooledFile.Read(Path.Combine(options.SiteRoot, document.Source.Path)); // only the body's text is kept, decoded from its bytes
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Changed(document, diagnostics);
            return null;
        }

        using (file)
        {
            if (file.Length > file.Size)
            {
                Changed(document, diagnostics); // it grew while it was read
                return null;
            }

            return Body(document, file.Bytes, diagnostics);
        }
    }

    /// <summary>
    /// The body of <paramref name="document"/> in its file's bytes, when the front matter still ends where it ended when the file
    /// was first read (otherwise the file changed meanwhile). Only the front matter and the body are decoded, each once: the front
    /// matter from a prefix of the bytes (as <see cref="ReadContentFiles"/> does), the body from where its bytes begin — but for a
    /// file with carriage returns, whose text is decoded whole and its lines' ends made plain first.
    /// </summary>
    private static string? Body(Document document, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        // The front matter's characters are at most three bytes each (four for two chars): they lie in the first BodyOffset × 3
        var start = ReadContentFiles.ByteOrderMarkLength(bytes);
        var prefix = start + document.BodyOffset * 3 + 16;
        if (prefix < bytes.Length && bytes.IndexOf((byte)'\r') < 0)
        {
            // The two pieces cover the file, and strict decoding finds any byte that is not UTF-8 as it goes: such a file is
            // decoded whole below, which reports where
            try
            {
                var head = Strict.GetString(bytes[start..ReadContentFiles.CharacterStart(bytes, prefix)]);
                if (!Unchanged(document, head, diagnostics, out var bodyStart))
                {
                    return null;
                }

                return Strict.GetString(bytes[(start + Encoding.UTF8.GetByteCount(head.AsSpan(0, bodyStart)))..]);
            }
            catch (DecoderFallbackException)
            {
            }
        }

        var text = ReadContentFiles.Decode(bytes, document.Source.Path, diagnostics);
        return text is not null && Unchanged(document, text, diagnostics, out var at) ? text[at..] : null;
    }

    /// <summary>UTF-8 that throws at a byte that is not (never a replacement character).</summary>
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the front matter <paramref name="text"/> begins with still ends where it did (else reported); where the body starts.</summary>
    private static bool Unchanged(Document document, string text, DiagnosticBag diagnostics, out int bodyStart)
    {
        if (FrontMatter.Split(text).Result is not { } frontMatter
            || frontMatter.BodyStart != document.BodyOffset || frontMatter.BodyLine != document.BodyLine)
        {
            Changed(document, diagnostics);
            bodyStart = 0;
            return false;
        }

        bodyStart = frontMatter.BodyStart;
        return true;
    }

    private static void Changed(Document document, DiagnosticBag diagnostics) =>
        diagnostics.Error(document.Source, Codes.FileUnreadable, "the file changed or disappeared while the site was being built",
            "build again once the file is saved");
}
