namespace Gazette.Feeds;

/// <summary>An atom:category: a topic or genre id (<see cref="Term"/>), the navigation it belongs to as an absolute URL (<see cref="Scheme"/>) and its name.</summary>
public sealed record AtomCategory(string Term, string Scheme, string Label);
