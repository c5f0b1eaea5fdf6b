using Gazette.Model;
using Gazette.Rendering;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Plans the page of each document of a batch with its rendered body: metadata table, validity notice, outline, body,
/// related documents and JSON-LD. Document pages are planned a batch at a time, as their bodies are rendered.
/// </summary>
public sealed class PlanDocumentPages
{
    /// <param name="bodies">the rendered bodies of <paramref name="batch"/>, in the same order.</param>
    public IReadOnlyList<PagePlan> Run(Archive archive, UiStrings strings, IReadOnlyList<PublishedDocument> batch, IReadOnlyList<RenderedBody> bodies)
    {
        var views = new ViewFactory(archive, strings);
        var pages = new PagePlan[batch.Count];
        Parallel.For(0, batch.Count, i => pages[i] = views.DocumentPage(batch[i], bodies[i]));
        return pages;
    }
}
