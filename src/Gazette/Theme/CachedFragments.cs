using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace Gazette.Theme;

/// <summary>
/// The theme's <c>{% cached key %}…{% endcached %}</c> block: what it holds is rendered once per build for each key and
/// written again as it was wherever the same block meets the same key — a document's entry in every listing that shows it
/// (Hugo's partialCached, Jekyll's include_cached). The key must name everything the block shows besides what every page
/// shares (site, urls, t, assets): a document's URL for a block that shows only that document. Thread-safe.
/// </summary>
public sealed class CachedFragments
{
    public const string Tag = "cached";

    // Where a page's context finds the build's fragments (TemplateContext.AmbientValues)
    private const string Ambient = "gazette.cached";

    /// <summary>The most characters kept (32 MB): past it a fragment not yet kept is rendered each time, so a large archive's listings do not hold one for every document.</summary>
    public const long Budget = 16L << 20;

    private readonly ConcurrentDictionary<(IReadOnlyList<Statement> Block, string Key), string> _fragments = new();
    private long _kept; // characters

    /// <summary>Adds the tag to <paramref name="parser"/>.</summary>
    public static void Register(FluidParser parser) => parser.RegisterExpressionBlock(Tag, WriteAsync);

    /// <summary>Lets the blocks rendered with <paramref name="context"/> take their fragments from here and add theirs.</summary>
    public void Serve(TemplateContext context) => context.AmbientValues[Ambient] = this;

    /// <summary>Lets go of every fragment kept (once the pages that use them are rendered).</summary>
    public void Clear()
    {
        _fragments.Clear();
        Interlocked.Exchange(ref _kept, 0);
    }

    private void Keep((IReadOnlyList<Statement> Block, string Key) key, string text)
    {
        if (Interlocked.Add(ref _kept, text.Length) <= Budget)
        {
            _fragments.TryAdd(key, text);
        }
        else
        {
            Interlocked.Add(ref _kept, -text.Length);
        }
    }

    private static async ValueTask<Completion> WriteAsync(Expression key, IReadOnlyList<Statement> block, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var value = await key.EvaluateAsync(context);
        var name = value.IsNil() ? "" : value.ToStringValue();
        var fragments = name.Length > 0 && context.AmbientValues.TryGetValue(Ambient, out var served) ? served as CachedFragments : null; // no key: rendered each time
        if (fragments is not null && fragments._fragments.TryGetValue((block, name), out var made))
        {
            await writer.WriteAsync(made);
            return Completion.Normal;
        }

        using var rendered = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var statement in block)
        {
            var completion = await statement.WriteToAsync(rendered, encoder, context);
            if (completion != Completion.Normal)
            {
                await writer.WriteAsync(rendered.ToString());
                return completion; // a break or continue: not kept
            }
        }

        var text = rendered.ToString();
        fragments?.Keep((block, name), text);
        await writer.WriteAsync(text);
        return Completion.Normal;
    }
}
