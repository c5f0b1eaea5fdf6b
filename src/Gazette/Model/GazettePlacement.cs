namespace Gazette.Model;

/// <summary>刊期: where a document is printed in the gazette.</summary>
public sealed record GazettePlacement(int Year, int Issue, string Section, int Order)
{
    public IssueKey IssueKey => new(Year, Issue);
}
