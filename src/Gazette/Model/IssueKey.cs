namespace Gazette.Model;

/// <summary>Identifies one gazette issue: the year and the issue number within it.</summary>
public readonly record struct IssueKey(int Year, int Number) : IComparable<IssueKey>
{
    public int CompareTo(IssueKey other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => $"{Year}/{Number}";
}
