using Gazette.Model;

namespace Gazette.Reports;

/// <summary>
/// Counts table 二 of the annual report (DOMAIN rule 6) from the metadata: the 主动公开 documents of each legal form
/// (<see cref="SiteConfiguration.LegalFormOf"/>), of one organ as leading organ or of the whole site. A document is made
/// (制发) in the year it was written; it is repealed (废止) in the year of its validity date when it is 废止 or 失效 — an
/// amended (已修改) document stays in force; it is in force (现行有效) at the end of a year when it was written by then and
/// not repealed or expired by then. So 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y), since a document is never repealed
/// before it was written (GZ0108). Pure: the model in, the table out.
/// </summary>
public sealed class CountAnnualTable
{
    /// <summary>The rows of table 二, in the order of the national format.</summary>
    public static IReadOnlyList<LegalForm> Forms { get; } = [LegalForm.Rules, LegalForm.Normative];

    public AnnualTable Run(SiteConfiguration config, IReadOnlyList<Document> documents, int year, Organ? organ = null)
    {
        var published = documents.Where(d => d.IsPublic).ToList();
        DateOnly? dataDate = published.Count == 0 ? null : published.Max(d => d.Published);
        var counted = published.Where(d => organ is null || (d.Issuers.Count > 0 && d.Issuers[0] == organ.Id)).ToList();
        var end = new DateOnly(year, 12, 31);
        var rows = Forms
            .Select(form =>
            {
                var ofForm = counted.Where(d => config.LegalFormOf(d) == form).ToList();
                return new AnnualTableRow(
                    form,
                    [.. ofForm.Where(d => d.Written.Year == year).OrderBy(d => d.Written).ThenBy(d => d.Id, StringComparer.Ordinal)],
                    [.. ofForm.Where(d => Ended(d)?.Year == year).OrderBy(d => Ended(d)).ThenBy(d => d.Id, StringComparer.Ordinal)],
                    ofForm.Count(d => InForceAt(d, end)),
                    ofForm.Count(d => InForceAt(d, end.AddYears(-1))));
            })
            .ToList();
        var policyGenres = config.Genres.Where(g => g is { IsPolicy: true, IsInterpretation: false }).Select(g => g.Name).ToList();
        return new AnnualTable(config.Site.Name, year, organ, dataDate, policyGenres, rows);
    }

    /// <summary>The day a document stopped being in force: the date of its 废止 or 失效; null while in force or only amended.</summary>
    public static DateOnly? Ended(Document document) =>
        document.Validity.Status is ValidityStatus.Repealed or ValidityStatus.Expired ? document.Validity.Date : null;

    /// <summary>Written on or before <paramref name="day"/> and not repealed or expired on or before it.</summary>
    public static bool InForceAt(Document document, DateOnly day) =>
        document.Written <= day && !(Ended(document) is { } ended && ended <= day);
}
