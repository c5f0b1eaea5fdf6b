namespace Gazette.Model;

/// <summary>An issuing organ (发布机构) from content/organs.yml.</summary>
public sealed record Organ(
    string Id,
    string Name,
    string ShortName,
    /// <summary>The organisation code used as the first part of derived index numbers; may be absent.</summary>
    string? Code);
