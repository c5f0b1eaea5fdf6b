namespace Gazette.Import;

/// <summary>A source file turned into a document: its id, the year it goes under, its front matter and its Markdown body.</summary>
/// <param name="Source">the source file, relative to the imported folder, with forward slashes.</param>
/// <param name="Id">the document id, also the written file's name.</param>
/// <param name="Year">the year written, the folder it is written into.</param>
/// <param name="Fields">the front matter in the order it is written.</param>
/// <param name="Body">the Markdown body.</param>
public sealed record ImportedDocument(string Source, string Id, int Year, IReadOnlyList<ImportField> Fields, string Body)
{
    /// <summary>Whether any field holds a stand-in value: such a document is imported as a draft, so nothing invented is published.</summary>
    public bool HasPlaceholder => Fields.Any(f => f.Placeholder);

    /// <summary>The field of the given key, or null.</summary>
    public ImportField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);
}
