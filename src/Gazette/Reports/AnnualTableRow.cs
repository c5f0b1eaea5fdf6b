using Gazette.Model;

namespace Gazette.Reports;

/// <summary>
/// One row of table 二: the documents of one legal form made and repealed in the year, and how many were in force at the
/// end of the year before and of the year. <see cref="InForce"/> = <see cref="InForceBefore"/> + made − repealed.
/// </summary>
public sealed record AnnualTableRow(
    LegalForm Form,
    /// <summary>本年制发: written (成文日期) in the year, by date written and id.</summary>
    IReadOnlyList<Document> Made,
    /// <summary>本年废止: 废止 or 失效 with a date in the year, by that date and id.</summary>
    IReadOnlyList<Document> Repealed,
    /// <summary>现行有效 at the end of the year: written by 31 December and neither repealed nor expired by then.</summary>
    int InForce,
    /// <summary>现行有效 at the end of the year before.</summary>
    int InForceBefore);
