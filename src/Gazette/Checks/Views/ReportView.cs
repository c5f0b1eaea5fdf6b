namespace Gazette.Checks.Views;

/// <summary>The check report as the HTML view (check-report.liquid) shows it: texts ready to print.</summary>
public sealed record ReportView(
    string Site,
    string? ReferenceDate,
    int DocumentsChecked,
    int Total,
    int PublicationLimit,
    int InterpretationLimit,
    /// <summary>Every kind with its count over all organs (no findings listed).</summary>
    IReadOnlyList<KindView> Counts,
    IReadOnlyList<OrganView> Organs,
    string CalendarYears,
    string? SiteCalendarYears,
    string? YearsWithoutHolidays);
