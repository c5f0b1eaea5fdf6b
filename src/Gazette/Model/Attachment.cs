namespace Gazette.Model;

/// <summary>A file published with a document. <see cref="SourcePath"/> is relative to the site root.</summary>
public sealed record Attachment(string Title, string FileName, string SourcePath, long Size);
