namespace Gazette.Model;

/// <summary>A file published with a document. <see cref="SourcePath"/> is relative to the site root.</summary>
public sealed record Attachment(string Title, string FileName, string SourcePath, long Size)
{
    /// <summary>A plain-text file (.txt, .csv, .md): screened for personal data, and published masked under privacy: mask.</summary>
    public bool IsText => Path.GetExtension(FileName).ToUpperInvariant() is ".TXT" or ".CSV" or ".MD";
}
