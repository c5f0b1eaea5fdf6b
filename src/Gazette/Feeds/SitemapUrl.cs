namespace Gazette.Feeds;

/// <summary>One page for the sitemap: its root-relative URL and the date it last changed, when one is known.</summary>
public sealed record SitemapUrl(string Url, DateOnly? LastModified);
