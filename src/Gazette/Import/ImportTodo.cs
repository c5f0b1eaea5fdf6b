namespace Gazette.Import;

/// <summary>
/// One thing the importer could not derive from a source file: the content file it wrote, the field, and why. Listed in the
/// import report and written beside the field as a <c># TODO(import): …</c> comment.
/// </summary>
/// <param name="File">the written content file, relative to the site root, with forward slashes.</param>
/// <param name="Source">the source file, relative to the imported folder.</param>
/// <param name="Field">the front-matter key (or <c>body</c>).</param>
/// <param name="Why">what is missing and what to do, in Chinese for the publisher.</param>
/// <param name="Placeholder">whether the field holds a stand-in value so that the site builds (the document is then a draft).</param>
public sealed record ImportTodo(string File, string Source, string Field, string Why, bool Placeholder);
