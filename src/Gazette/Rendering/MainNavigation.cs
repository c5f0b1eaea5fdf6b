using Gazette.Rendering.Views;

namespace Gazette.Rendering;

/// <summary>
/// The site's main navigation — home, gazette, catalogue and the five navigations of the catalogue — and where a page stands in
/// it: the entry that is the page itself is <c>current</c>; otherwise the deepest of its breadcrumbs that is an entry (not the
/// home page) is <c>active</c>, and on a gazette page with none, the gazette's entry. A page has one of at most 81 such lists,
/// each made once and shared.
/// </summary>
internal sealed class MainNavigation
{
    private static readonly HashSet<string> GazetteKinds = new(["gazette-index", "gazette-year", "gazette-issue"], StringComparer.Ordinal);

    private readonly LinkView[] _entries;
    private readonly string _home;
    private readonly int _gazette;
    private readonly NavList?[] _lists; // an object each, so that a list and its key are read together from any thread

    /// <param name="entries">the entries in order.</param>
    /// <param name="home">the home page's URL, which is never an active entry.</param>
    /// <param name="gazette">the gazette's URL, the active entry of a gazette page none of whose breadcrumbs is an entry.</param>
    public MainNavigation(IEnumerable<LinkView> entries, string home, string gazette)
    {
        _entries = [.. entries];
        _home = home;
        _gazette = IndexOf(gazette);
        _lists = new NavList?[(_entries.Length + 1) * (_entries.Length + 1)];
    }

    /// <summary>
    /// The entries as the page of <paramref name="kind"/> at <paramref name="url"/> under <paramref name="breadcrumbs"/> shows them,
    /// and the key of that list (<see cref="PageView.NavKey"/>): the entry that is current and the one that is active.
    /// </summary>
    public (IReadOnlyList<NavItemView> Items, string Key) For(string kind, string url, IReadOnlyList<LinkView> breadcrumbs)
    {
        var active = -1;
        foreach (var crumb in breadcrumbs)
        {
            if (crumb.Url != _home && IndexOf(crumb.Url) is var entry and >= 0)
            {
                active = entry;
            }
        }

        if (active < 0 && GazetteKinds.Contains(kind))
        {
            active = _gazette;
        }

        var current = IndexOf(url);
        var slot = (current + 1) * (_entries.Length + 1) + active + 1;
        var list = _lists[slot] ??= new([.. _entries.Select((e, i) => new NavItemView(e.Title, e.Url, i == current, i != current && i == active))],
            $"nav {current} {active}");
        return (list.Items, list.Key);
    }

    private sealed record NavList(NavItemView[] Items, string Key);

    private int IndexOf(string url) => Array.FindIndex(_entries, e => e.Url == url);
}
