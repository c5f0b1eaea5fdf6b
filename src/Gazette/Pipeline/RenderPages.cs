using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Rendering.Views;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>Renders each planned page of a batch with its kind's layout inside the theme's shell (base.liquid).</summary>
public sealed class RenderPages
{
    // Escapes markup characters but leaves Chinese readable in the output.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="identityLanding">where Netlify Identity's links are sent on to (<see cref="UrlsView.Identity"/>); null: nowhere.</param>
    public IReadOnlyList<OutputFile> Run(IReadOnlyList<PagePlan> pages, CompiledTheme theme, Archive archive,
        IReadOnlyDictionary<string, string> assets, DiagnosticBag diagnostics, string? identityLanding = null)
    {
        var urls = archive.Urls;
        var (siteView, urlsView) = SharedViews(archive, identityLanding);
        var (strings, assetUrls) = (TextTable.Of(theme.Strings.All, Encoder), TextTable.Of(assets, Encoder));
        var results = new OutputFile?[pages.Count];
        var errors = new Diagnostic?[pages.Count];
        // Each worker renders its pages' layouts and shells into two text buffers of its own, kept from page to page (the layout's
        // is written into the shell's as it is: RenderedContent), and encodes the shell's from there.
        Parallel.For(0, pages.Count, () => (Content: new StringBuilder(), Shell: new StringBuilder()), (i, _, buffers) =>
        {
            var (content, shell) = buffers;
            var page = pages[i];
            var context = new TemplateContext(theme.Options);
            context.SetValue("site", siteView);
            context.SetValue("urls", urlsView);
            context.SetValue("page", page.Page);
            context.SetValue("t", strings);
            context.SetValue("assets", assetUrls);
            theme.Fragments.Serve(context);
            foreach (var (name, value) in page.Values)
            {
                context.SetValue(name, value);
            }

            try
            {
                content.Clear();
                Render(theme.Layouts[page.Kind], content, context);
                context.SetValue("content", new RenderedContent(content));
                shell.Clear();
                Render(theme.Layouts[CompiledTheme.Shell], shell, context);

                results[i] = new OutputFile(urls.ToOutputPath(page.Page.Url), Utf8(shell)) { RenderKey = page.RenderKey };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors[i] = new Diagnostic(new SourceLocation($"theme/layouts/{page.Kind}.liquid"), Severity.Error, Codes.TemplateSyntax,
                    $"rendering {page.Page.Url} failed: {e.Message}");
            }

            return buffers;
        }, _ => { });

        // One report per layout is enough: the same template error fails every page of that kind, in this batch of pages and
        // in the batches before it.
        var reported = diagnostics.Items.Where(d => d.Code == Codes.TemplateSyntax).Select(d => d.Location.Path).ToHashSet(StringComparer.Ordinal);
        diagnostics.AddRange(errors.OfType<Diagnostic>().DistinctBy(d => d.Location.Path).Where(d => !reported.Contains(d.Location.Path)));
        return results.OfType<OutputFile>().ToList();
    }

    /// <summary>What every page's layout is given besides its own values: the site's settings and its addresses.</summary>
    internal static (SiteView Site, UrlsView Urls) SharedViews(Archive archive, string? identityLanding)
    {
        var site = archive.Config.Site;
        var urls = archive.Urls;
        return (
            new SiteView(site.Name, site.Publisher, site.Description, site.Language, site.BaseUrl, urls.Home, site.Domain, site.SiteIdCode),
            new UrlsView(urls.Home, urls.Gazette, urls.Catalogue, urls.Facet(Facets.Topics), urls.Facet(Facets.Organs),
                urls.Facet(Facets.Genres), urls.Facet(Facets.Years), urls.Facet(Facets.Validity), urls.Search, urls.SearchIndex + "manifest.json",
                archive.Documents.Count > 0 ? urls.Feed : null, urls.Data, identityLanding));
    }

    /// <summary>Renders <paramref name="layout"/> into <paramref name="into"/>.</summary>
    private static void Render(IFluidTemplate layout, StringBuilder into, TemplateContext context)
    {
        var rendering = layout.RenderAsync(new StringWriter(into, CultureInfo.InvariantCulture), context, Encoder);
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }
    }

    private const int KeptEncoded = 1 << 22; // bytes: 4 MB

    [ThreadStatic]
    private static byte[]? _encoded;

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, encoded from the buffer itself when it is one piece (as it is once it has grown to the pages' size).</summary>
    private static byte[] Utf8(StringBuilder text)
    {
        var chunks = text.GetChunks();
        if (!chunks.MoveNext())
        {
            return [];
        }

        var first = chunks.Current.Span;
        if (chunks.MoveNext())
        {
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        // Encoded once into room the thread keeps (at most three bytes a character), then copied out: not counted first
        var room = _encoded is { } kept && kept.Length >= first.Length * 3 ? kept : _encoded = new byte[first.Length * 3];
        var length = Encoding.UTF8.GetBytes(first, room);
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        room.AsSpan(0, length).CopyTo(bytes);
        if (room.Length > KeptEncoded)
        {
            _encoded = null; // not the room a huge page needed
        }

        return bytes;
    }
}
