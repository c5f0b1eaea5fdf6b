using System.Globalization;
using System.Text;
using Gazette.Import;
using Gazette.Model;

namespace Gazette.Scaffold;

/// <summary>
/// Makes the next gazette issue of today's year for <c>gazette new issue</c>: its number one past the year's last, 总第N期 one
/// past the previous issue's, today's date, and the sections of the previous issue (of any year), each field with a comment in
/// Chinese.
/// </summary>
public sealed class WriteNewIssue
{
    public NewFile Run(IReadOnlyList<Issue> issues, DateOnly today)
    {
        var year = today.Year;
        var number = issues.Where(i => i.Key.Year == year).Select(i => i.Key.Number).DefaultIfEmpty(0).Max() + 1;
        var previous = issues.Where(i => i.Key.CompareTo(new IssueKey(year, number)) < 0).MaxBy(i => i.Key);
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("# 公报 ").Append(year).Append(" 年第 ").Append(number).Append(" 期：由 gazette new 于 ").Append(date).Append(" 生成。\n");
        text.Append("issue: ").Append(number).Append("  # 期号：本年度第几期，须与文件名一致\n");
        if (previous?.Total is { } total)
        {
            text.Append("total: ").Append(total + 1).Append("  # 总期号（总第N期）：上一期（").Append(previous.Key.Year).Append(" 年第 ")
                .Append(previous.Key.Number).Append(" 期）加一\n");
        }
        else
        {
            text.Append("# total: 1  # 总期号（总第N期）：有总期号的去掉行首的 # 并改正\n");
        }

        text.Append("date: ").Append(date).Append("  # 出版日期，格式 YYYY-MM-DD，须在本年度内\n");
        text.Append("# title: 特刊  # 标题：特刊等，没有的删除此行\n");
        var sections = previous?.Sections.Count > 0 ? previous.Sections : ["政府文件", "政策解读"];
        text.Append("sections: [").Append(string.Join(", ", sections.Select(FrontMatterText.Quote))).Append("]  # 栏目：按目录顺序列出；")
            .Append(previous is null ? "请按本公报的栏目改正" : "沿用上一期的栏目").Append('\n');
        return new NewFile(string.Create(CultureInfo.InvariantCulture, $"gazettes/{year}/{number}.yml"), text.ToString(),
            $"issue {year}/{number}" + (previous is null ? "" : $", sections of {previous.Key}"));
    }
}
