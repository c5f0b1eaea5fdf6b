using Gazette.Rendering.Views;

namespace Gazette.Rendering;

/// <summary>One page to render: the layout (its kind), what every page has, and the kind's own variables.</summary>
public sealed record PagePlan(string Kind, PageView Page, IReadOnlyDictionary<string, object?> Values);
