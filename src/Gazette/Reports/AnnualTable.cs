using Gazette.Model;

namespace Gazette.Reports;

/// <summary>
/// Table 二 of the annual report on open government information (主动公开政府信息情况), the part that follows from the
/// metadata: 第二十条第（一）项, 规章 and 行政规范性文件 with 本年制发件数, 本年废止件数 and 现行有效件数, made by
/// <see cref="CountAnnualTable"/>.
/// </summary>
public sealed record AnnualTable(
    /// <summary>The site's name.</summary>
    string Site,
    /// <summary>The year reported on.</summary>
    int Year,
    /// <summary>The organ whose documents were counted (as leading organ); null for every organ of the site.</summary>
    Organ? Organ,
    /// <summary>The date of the data: the latest 发布日期 among published documents, null when nothing is published.</summary>
    DateOnly? DataDate,
    /// <summary>The names of the genres counted as 行政规范性文件 when a document does not write its legal form.</summary>
    IReadOnlyList<string> PolicyGenres,
    /// <summary>规章, then 行政规范性文件.</summary>
    IReadOnlyList<AnnualTableRow> Rows)
{
    /// <summary>The last day of the year: 现行有效 is counted at its end.</summary>
    public DateOnly End => new(Year, 12, 31);

    public AnnualTableRow Row(LegalForm form) => Rows.Single(r => r.Form == form);
}
