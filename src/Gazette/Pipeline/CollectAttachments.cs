using Gazette.Model;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Places each published document's attachments beside its page, copied as they are. Text attachments
/// (<see cref="Attachment.IsText"/>) are not among them: <see cref="ScreenPersonalData"/> gives those with their documents' batch.
/// </summary>
public sealed class CollectAttachments
{
    public IReadOnlyList<OutputFile> Run(Archive archive, BuildOptions options) =>
        archive.Documents
            .SelectMany(d => d.Source.Attachments.Where(a => !a.IsText).Select(a => new OutputFile(
                archive.Urls.ToOutputPath(archive.Urls.Attachment(d.IndexNumber, a.FileName)),
                null,
                Path.Combine(options.SiteRoot, a.SourcePath))))
            .ToList();
}
