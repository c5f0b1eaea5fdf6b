using Gazette.Diagnostics;

namespace Gazette.Model;

/// <summary>An entry of the 主动公开基本目录 tree from content/catalogue.yml.</summary>
public sealed record CatalogueEntry(
    string Id,
    string Name,
    /// <summary>内容: what the entry discloses.</summary>
    string? Description,
    /// <summary>主体: the body responsible.</summary>
    string? Subject,
    /// <summary>时限: when it must be published.</summary>
    string? TimeLimit,
    /// <summary>方式: where and how it is published.</summary>
    string? Method,
    /// <summary>monthly, quarterly or yearly for periodic items; null otherwise.</summary>
    string? Period,
    IReadOnlyList<CatalogueEntry> Children,
    /// <summary>Where 'period' was written in catalogue.yml, for findings about the entry's periods.</summary>
    SourceLocation? PeriodAt = null);
