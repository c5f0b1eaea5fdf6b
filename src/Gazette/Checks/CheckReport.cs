namespace Gazette.Checks;

/// <summary>
/// The timeliness and completeness report of an archive (<c>gazette check</c>): every organ of organs.yml with what was found
/// for it. Made from the content alone, with the latest publication date in the archive as "today", so the same content
/// always gives the same report.
/// </summary>
public sealed record CheckReport(
    string Site,
    /// <summary>The latest 发布日期 among published documents: periods are counted up to it. Null when nothing is published.</summary>
    DateOnly? ReferenceDate,
    /// <summary>How many published (主动公开) documents were checked.</summary>
    int DocumentsChecked,
    IReadOnlyList<OrganFindings> Organs,
    /// <summary>The years the holiday table covers, and of those the ones content/holidays.yml wrote.</summary>
    IReadOnlyList<int> CalendarYears,
    IReadOnlyList<int> SiteCalendarYears,
    /// <summary>Years in which working days were counted although the table lacks them: Monday to Friday only.</summary>
    IReadOnlyList<int> YearsWithoutHolidays)
{
    public const int PublicationLimit = 20;

    public const int InterpretationLimit = 3;

    public IEnumerable<Finding> Findings => Organs.SelectMany(o => o.Findings);

    public int Count(FindingKind kind) => Findings.Count(f => f.Kind == kind);
}
