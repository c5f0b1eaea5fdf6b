using System.Globalization;
using System.Text;

namespace Gazette.Reports;

/// <summary>
/// Table 二 as CSV for spreadsheets and reuse: UTF-8 with a byte order mark (so spreadsheet programs read the Chinese
/// right), CRLF line ends and quoting as RFC 4180 has them. One header line, then one line per row of 第二十条第（一）项
/// (规章, 行政规范性文件); the rows that do not follow from documents are left out. The same table gives the same bytes.
/// </summary>
public static class AnnualTableCsv
{
    /// <summary>The columns: the year, whose documents, the national format's four columns, and the date of the data.</summary>
    public static IReadOnlyList<string> Header { get; } = ["年度", "统计范围", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "数据截至"];

    public static byte[] Write(AnnualTable table)
    {
        var text = new StringBuilder();
        Line(text, Header);
        var scope = table.Organ?.Name ?? table.Site;
        var dataDate = table.DataDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        foreach (var row in table.Rows)
        {
            Line(text, [Number(table.Year), scope, AnnualTableMarkdown.Label(row.Form), Number(row.Made.Count), Number(row.Repealed.Count), Number(row.InForce), dataDate]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
