namespace Gazette.Model;

/// <summary>An entry of the 文种 (genre) vocabulary; <see cref="Aliases"/> are other names publishers write for it.</summary>
public sealed record Genre(string Id, string Name, IReadOnlyList<string> Aliases, bool IsInterpretation);
