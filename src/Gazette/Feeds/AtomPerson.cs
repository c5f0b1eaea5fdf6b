namespace Gazette.Feeds;

/// <summary>An atom:author: an issuing organ's name and the absolute URL of its listing.</summary>
public sealed record AtomPerson(string Name, string? Uri);
