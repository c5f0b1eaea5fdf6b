using System.Globalization;
using System.Reflection;
using System.Text;
using Fluid;
using Fluid.Values;
using Gazette.Model;
using Gazette.Reports.Views;

namespace Gazette.Reports;

/// <summary>
/// Table 二 as Markdown ready to publish (Reports/annual-table.liquid): a heading, the tables of the national format with
/// its column headers, and a note on how the numbers were counted and the date of the data. Texts from the content are
/// escaped for Markdown by the template's <c>md</c> filter. The same table always gives the same text.
/// </summary>
public static class AnnualTableMarkdown
{
    private static readonly Lazy<IFluidTemplate> Template = new(() =>
    {
        const string name = "Gazette.Reports.annual-table.liquid";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the built-in {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return new FluidParser().Parse(reader.ReadToEnd());
    });

    private static readonly TemplateOptions Options = CreateOptions();

    public static string Write(AnnualTable table)
    {
        var context = new TemplateContext(Options);
        context.SetValue("table", View(table));
        return Template.Value.Render(context, NullEncoder.Default);
    }

    public static AnnualTableView View(AnnualTable table) => new(
        table.Organ?.Name ?? table.Site,
        table.Year,
        table.Organ?.Name,
        table.DataDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        table.DataDate is { } date && date < table.End,
        string.Join("、", table.PolicyGenres),
        [.. table.Rows.Select(r => new AnnualRowView(Label(r.Form), r.Made.Count, r.Repealed.Count, r.InForce, r.InForceBefore))]);

    /// <summary>The row label of the national format.</summary>
    public static string Label(LegalForm form) => form switch
    {
        LegalForm.Rules => "规章",
        LegalForm.Normative => "行政规范性文件",
        _ => "其他",
    };

    /// <summary>
    /// Text as literal Markdown: a backslash before each ASCII punctuation mark that could start markup in running text or
    /// a table cell (CommonMark lets any ASCII punctuation be escaped so), and line ends as spaces.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        options.Filters.AddFilter("md", (input, _, _) => new StringValue(Escape(input.ToStringValue())));
        return options;
    }
}
