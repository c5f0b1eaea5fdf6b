namespace Gazette.Feeds;

/// <summary>One entry of an <see cref="AtomFeed"/>: a document or a gazette issue.</summary>
public sealed record AtomEntry(
    /// <summary>The entry's permanent id (atom:id): the absolute URL of its page, which is its permalink.</summary>
    string Id,
    string Title,
    /// <summary>The absolute URL of its page (link rel="alternate").</summary>
    string PageUrl,
    /// <summary>The publication date (atom:published).</summary>
    DateOnly Published,
    /// <summary>The latest change the page shows (atom:updated), never before <see cref="Published"/>.</summary>
    DateOnly Updated,
    /// <summary>The issuing organs; empty when the feed's author stands for the entry (a gazette issue).</summary>
    IReadOnlyList<AtomPerson> Authors,
    /// <summary>Plain text (atom:summary): 内容概述 of a document, the contents of an issue; absent when there is none.</summary>
    string? Summary,
    IReadOnlyList<AtomCategory> Categories);
