using Gazette.Rendering.Views;

namespace Gazette.Rendering;

/// <summary>One page to render: the layout (its kind), what every page has, and the kind's own variables.</summary>
public sealed record PagePlan(string Kind, PageView Page, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>
    /// The latest date on which what the page shows changed, from the dates of the documents and issues on it (the sitemap's
    /// <c>lastmod</c>); null when no such date describes the page.
    /// </summary>
    public DateOnly? LastModified { get; init; }

    /// <summary>The digest of what the page's rendering depends on (<see cref="Pipeline.KeyPages"/>); none until keyed.</summary>
    public Output.RenderKey RenderKey { get; init; }
}
