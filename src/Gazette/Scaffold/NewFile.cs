namespace Gazette.Scaffold;

/// <summary>A content file <c>gazette new</c> writes, or why it cannot.</summary>
/// <param name="Path">where it goes, relative to the content folder (forward slashes); null when it cannot be written.</param>
/// <param name="Text">the whole file.</param>
/// <param name="Note">one line for the publisher: what was written (the index number, the policy interpreted) or what is wrong.</param>
public sealed record NewFile(string? Path, string Text, string Note);
