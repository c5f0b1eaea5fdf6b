namespace Gazette.Model;

/// <summary>An issue with its documents, section by section in the order the issue file lists them.</summary>
public sealed record IssueContents(Issue Issue, IReadOnlyList<(string Section, IReadOnlyList<PublishedDocument> Documents)> Sections)
{
    public int DocumentCount => Sections.Sum(s => s.Documents.Count);
}
