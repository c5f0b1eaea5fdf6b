using Gazette.Audit;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Pipeline;

/// <summary>
/// Reads the documents that are not published (依申请公开, 不予公开, drafts) and takes from each what would give it away — its
/// title, numbers and longest sentences — for <see cref="AuditOutput"/>. Nothing of them goes anywhere else.
/// </summary>
public sealed class CollectWithheldText
{
    public WithheldText Run(BuildOptions options, IReadOnlyList<Document> documents, DiagnosticBag diagnostics)
    {
        var withheld = documents.Where(d => !d.IsPublic).ToList();
        if (withheld.Count == 0)
        {
            return WithheldText.None;
        }

        var bodies = new ReadDocumentBodies().Run(options, withheld, diagnostics);
        var converter = new MarkdownConverter();
        var passages = withheld.SelectMany((d, i) =>
        {
            // Their links and addresses are not checked here: the document is not rendered for the site.
            var text = converter.Convert(d, bodies[i], (_, _) => "#", new DiagnosticBag()).Text;
            return WithheldText.Of(d, bodies[i], text);
        });
        return new WithheldText(passages);
    }
}
