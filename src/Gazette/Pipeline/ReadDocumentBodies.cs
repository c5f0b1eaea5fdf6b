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
        var path = document.Source.Path;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(options.SiteRoot, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Changed(document, diagnostics);
            return null;
        }

        if (ReadContentFiles.Decode(bytes, path, diagnostics) is not { } text)
        {
            return null;
        }

        // The front matter must still end where it ended when the file was first read; otherwise the file changed meanwhile.
        if (FrontMatter.Split(text).Result is not { } frontMatter
            || frontMatter.BodyStart != document.BodyOffset || frontMatter.BodyLine != document.BodyLine)
        {
            Changed(document, diagnostics);
            return null;
        }

        return text[document.BodyOffset..];
    }

    private static void Changed(Document document, DiagnosticBag diagnostics) =>
        diagnostics.Error(document.Source, Codes.FileUnreadable, "the file changed or disappeared while the site was being built",
            "build again once the file is saved");
}
