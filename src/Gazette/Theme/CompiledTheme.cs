using Fluid;
using Gazette.Output;

namespace Gazette.Theme;

/// <summary>A parsed theme: the layout of each page kind, the shell, the UI strings of the site's language and the assets.</summary>
public sealed record CompiledTheme(
    IReadOnlyDictionary<string, IFluidTemplate> Layouts,
    TemplateOptions Options,
    UiStrings Strings,
    IReadOnlyList<ThemeFile> Assets)
{
    public const string Shell = "base";

    /// <summary>The fragments of the theme's cached blocks rendered so far in this build (<see cref="CachedFragments"/>).</summary>
    public CachedFragments Fragments { get; } = new();

    /// <summary>The theme's response headers in Netlify's _headers format (theme/_headers), or null when it has none.</summary>
    public string? Headers { get; init; }

    /// <summary>A digest of the layouts' sources (names and bytes): it changes whenever a layout or partial does.</summary>
    public Digest128 LayoutDigest { get; init; }

    /// <summary>Every page kind the build renders; the theme has layouts/&lt;kind&gt;.liquid for each, plus base.liquid.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["home", "gazette-index", "gazette-year", "gazette-issue", "document", "catalogue-index", "facet", "listing", "search", "data", "not-found"];
}
