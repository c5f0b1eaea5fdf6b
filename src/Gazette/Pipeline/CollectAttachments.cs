using Gazette.Model;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>Places each published document's attachments beside its page.</summary>
public sealed class CollectAttachments
{
    public IReadOnlyList<OutputFile> Run(Archive archive, BuildOptions options) =>
        archive.Documents
            .SelectMany(d => d.Source.Attachments.Select(a => new OutputFile(
                archive.Urls.ToOutputPath(archive.Urls.Attachment(d.IndexNumber, a.FileName)),
                null,
                Path.Combine(options.SiteRoot, a.SourcePath))))
            .ToList();
}
