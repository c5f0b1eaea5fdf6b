namespace Gazette.Reports.Views;

/// <summary>Table 二 as annual-table.liquid shows it: texts and numbers ready to print.</summary>
public sealed record AnnualTableView(
    /// <summary>Whose report it is: the organ's name, or the site's name when every organ is counted.</summary>
    string Subject,
    int Year,
    /// <summary>The organ's name when one organ is counted, else null.</summary>
    string? Organ,
    /// <summary>The date of the data (YYYY-MM-DD), null when nothing is published.</summary>
    string? DataDate,
    /// <summary>The data end before the year does: documents made or repealed later in the year are not in it.</summary>
    bool Partial,
    /// <summary>The policy genres counted as 行政规范性文件 by default, joined with 、.</summary>
    string PolicyGenres,
    IReadOnlyList<AnnualRowView> Rows);
