using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Reads the text attachments (<see cref="Attachment.IsText"/>) of a batch of documents, which the privacy screen looks through
/// and may publish masked. Like bodies, they are read a batch at a time.
/// </summary>
public sealed class ReadTextAttachments
{
    /// <returns>
    /// for each document in the order given, the bytes of each of its text attachments in their order; null (after a GZ0001) for
    /// a file that can no longer be read.
    /// </returns>
    public IReadOnlyList<IReadOnlyList<byte[]?>> Run(BuildOptions options, IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
        => diagnostics.MapInParallel<IReadOnlyList<byte[]?>>(documents.Count,
            (i, local) => documents[i].Attachments.Where(a => a.IsText).Select(a => Read(options, a, local)).ToList());

    private static byte[]? Read(BuildOptions options, Attachment attachment, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(options.SiteRoot, attachment.SourcePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(new SourceLocation(attachment.SourcePath), Codes.FileUnreadable,
                "the file changed or disappeared while the site was being built", "build again once the file is saved");
            return null;
        }
    }
}
