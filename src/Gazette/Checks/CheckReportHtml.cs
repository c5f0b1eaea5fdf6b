using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Gazette.Checks.Views;

namespace Gazette.Checks;

/// <summary>
/// The check report as one standalone HTML page for publishers (Checks/check-report.liquid): no scripts, no external
/// resources, not part of the published site. The same report always gives the same bytes.
/// </summary>
public static class CheckReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Lazy<IFluidTemplate> Template = new(() =>
    {
        const string name = "Gazette.Checks.check-report.liquid";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the built-in {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return new FluidParser().Parse(reader.ReadToEnd());
    });

    private static readonly TemplateOptions Options = new()
    {
        MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        CultureInfo = CultureInfo.InvariantCulture,
        TimeZone = TimeZoneInfo.Utc,
    };

    public static string Write(CheckReport report)
    {
        var context = new TemplateContext(Options);
        context.SetValue("report", View(report));
        return Template.Value.Render(context, Encoder);
    }

    public static ReportView View(CheckReport report) => new(
        report.Site,
        Date(report.ReferenceDate),
        report.DocumentsChecked,
        report.Findings.Count(),
        CheckReport.PublicationLimit,
        CheckReport.InterpretationLimit,
        [.. FindingKind.All.Select(k => new KindView(k.Id, k.Code.Id, k.Label, k.Title, report.Count(k), []))],
        [.. report.Organs.Select(o => new OrganView(o.Organ.Id, o.Organ.Name, o.Findings.Count,
            [.. FindingKind.All.Select(k => (Kind: k, Findings: o.Of(k))).Where(k => k.Findings.Count > 0)
                .Select(k => new KindView(k.Kind.Id, k.Kind.Code.Id, k.Kind.Label, k.Kind.Title, k.Findings.Count, [.. k.Findings.Select(View)]))]))],
        Years(report.CalendarYears) ?? "",
        Years(report.SiteCalendarYears),
        report.YearsWithoutHolidays.Count == 0 ? null : string.Join("、", report.YearsWithoutHolidays));

    private static FindingView View(Finding finding)
    {
        var facts = new List<string>();
        Add(facts, "成文日期", Date(finding.Written));
        Add(facts, "发布日期", Date(finding.Published));
        Add(facts, "所解读文件", finding.PolicyId);
        Add(facts, "该文件发布日期", Date(finding.PolicyPublished));
        Add(facts, "相隔工作日", finding.WorkingDays?.ToString(CultureInfo.InvariantCulture));
        Add(facts, "时限（工作日）", finding.Limit?.ToString(CultureInfo.InvariantCulture));
        Add(facts, "最迟应于", Date(finding.Due));
        Add(facts, "文种", finding.Genre);
        Add(facts, "有效性", finding.Validity is null ? null : finding.Validity + (finding.ValidityDate is { } d ? $"（{Date(d)}）" : ""));
        Add(facts, "周期", finding.Period switch { "monthly" => "每月", "quarterly" => "每季度", "yearly" => "每年", _ => null });
        Add(facts, "首次发布", Date(finding.FirstPublished));
        Add(facts, "缺期", finding.MissedPeriods.Count == 0 ? null : $"{finding.MissedPeriods.Count}期：{string.Join("、", finding.MissedPeriods)}");
        return new FindingView(finding.Location.ToString(), finding.DocumentId ?? finding.EntryId ?? "", finding.Title ?? finding.EntryName, facts,
            finding.Message, finding.Hint);
    }

    private static void Add(List<string> facts, string label, string? value)
    {
        if (value is not null)
        {
            facts.Add($"{label}：{value}");
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Years as ranges: 2008–2026, or 2019、2027.</summary>
    private static string? Years(IReadOnlyList<int> years)
    {
        if (years.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        var start = years[0];
        for (var i = 1; i <= years.Count; i++)
        {
            if (i == years.Count || years[i] != years[i - 1] + 1)
            {
                var end = years[i - 1];
                parts.Add(end == start ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start}–{end}"));
                if (i < years.Count)
                {
                    start = years[i];
                }
            }
        }

        return string.Join("、", parts);
    }
}
