using Gazette.Audit;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Pipeline;

/// <summary>
/// Reads the documents that are not published (依申请公开, 不予公开, drafts) and takes from each what would give it away — its
/// title, numbers and longest sentences — for <see cref="AuditOutput"/>. Nothing of them goes anywhere else. With the build
/// cache, a document file parsed as it was keeps the passages taken from it then (<see cref="ParsedDocumentCache"/>): only
/// the withheld documents that changed are read and converted again.
/// </summary>
public sealed class CollectWithheldText
{
    /// <param name="parsed">the parsed documents of the build cache: passages recorded with them are used, those taken are recorded; null: none.</param>
    public WithheldText Run(BuildOptions options, IReadOnlyList<Document> documents, DiagnosticBag diagnostics, ParsedDocumentCache? parsed = null)
    {
        var withheld = documents.Where(d => !d.IsPublic).ToList();
        if (withheld.Count == 0)
        {
            return WithheldText.None;
        }

        var known = withheld.Select(d => parsed?.PassagesOf(d.Source.Path)).ToArray();
        int[] unknown = [.. Enumerable.Range(0, withheld.Count).Where(i => known[i] is null)];
        var read = new DiagnosticBag();
        var bodies = new ReadDocumentBodies().Run(options, [.. unknown.Select(i => withheld[i])], read);
        diagnostics.AddRange(read.Items);
        var noted = read.Items.Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        var converter = new MarkdownConverter();
        for (var k = 0; k < unknown.Length; k++)
        {
            // Their links and addresses are not checked here: the document is not rendered for the site.
            var document = withheld[unknown[k]];
            var text = converter.Convert(document, bodies[k], (_, _) => "#", new DiagnosticBag()).Text;
            var passages = WithheldText.Of(document, bodies[k], text).ToList();
            known[unknown[k]] = passages;
            if (parsed is not null && !noted.Contains(document.Source.Path))
            {
                parsed.RememberPassages(document.Source.Path, passages);
            }
        }

        return new WithheldText(known.SelectMany(p => p!));
    }
}
