namespace Gazette.Content;

/// <summary>
/// One front-matter key as <see cref="ContentSchema"/> describes it: its name, the Chinese label publishers know it by, whether
/// the reader requires it, the kind of value and, for a choice, the values written in files (the Chinese term first).
/// </summary>
/// <param name="Key">The key as written in front matter (<c>snake_case</c>).</param>
/// <param name="Label">The Chinese label of a disclosure catalogue (标题, 发文字号, …).</param>
/// <param name="Required">Whether the reader reports the key missing (GZ0102); a key required only in some cases is false.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Hint">One sentence for an editor, in Chinese.</param>
internal sealed record ContentField(string Key, string Label, bool Required, FieldKind Kind, string Hint)
{
    /// <summary>For <see cref="FieldKind.Choice"/>: the values an editor picks from (the reader also takes English synonyms).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>For <see cref="FieldKind.Mapping"/> and <see cref="FieldKind.MappingList"/>: the keys inside.</summary>
    public IReadOnlyList<ContentField> Fields { get; init; } = [];

    /// <summary>The keys of <see cref="Fields"/>, for the reader.</summary>
    public IReadOnlyList<string> Keys => Fields.Select(f => f.Key).ToList();
}
