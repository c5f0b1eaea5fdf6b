namespace Gazette.Model;

/// <summary>
/// An entry of the 文种 (genre) vocabulary; <see cref="Aliases"/> are other names publishers write for it. Documents of an
/// <see cref="IsInterpretation"/> genre are 政策解读; documents of an <see cref="IsPolicy"/> genre are policy documents
/// (规范性文件), which should each have an interpretation.
/// </summary>
public sealed record Genre(string Id, string Name, IReadOnlyList<string> Aliases, bool IsInterpretation, bool IsPolicy = false);
