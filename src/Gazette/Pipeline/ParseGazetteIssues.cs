using System.Globalization;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using YamlDotNet.RepresentationModel;

namespace Gazette.Pipeline;

/// <summary>Reads content/gazettes/&lt;year&gt;/&lt;number&gt;.yml into issues, checking that folder, file name and contents agree.</summary>
public sealed class ParseGazetteIssues
{
    private static readonly string[] IssueKeys = ContentSchema.KeysOf(ContentSchema.Issue);

    public IReadOnlyList<Issue> Run(ContentSet content, DiagnosticBag diagnostics)
    {
        var issues = new Dictionary<IssueKey, Issue>();
        var totals = new Dictionary<int, Issue>();
        foreach (var file in content.Under("gazettes/"))
        {
            if (file.Extension is not (".yml" or ".yaml"))
            {
                continue;
            }

            if (file.Text is null)
            {
                continue;
            }

            var issue = Read(file, content.Prefix, diagnostics);
            if (issue is null)
            {
                continue;
            }

            if (!issues.TryAdd(issue.Key, issue))
            {
                diagnostics.Error(issue.Source, Codes.DuplicateDefinition,
                    $"issue {issue.Key.Number} of {issue.Key.Year} is defined twice (also in {issues[issue.Key].Source.Path})");
            }
            else if (issue.Total is { } total && !totals.TryAdd(total, issue))
            {
                diagnostics.Error(issue.Source, Codes.DuplicateDefinition,
                    $"总第{total}期 is used by two issues (also {totals[total].Source.Path})", "the running number must be unique");
            }
        }

        return issues.Values.OrderBy(i => i.Key).ToList();
    }

    private static Issue? Read(ContentFile file, string prefix, DiagnosticBag diagnostics)
    {
        var relative = file.Path[prefix.Length..]; // gazettes/2019/3.yml
        var parts = relative.Split('/');
        var at = new SourceLocation(file.Path);
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1900 or > 2999 || !int.TryParse(Path.GetFileNameWithoutExtension(parts[2]), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            diagnostics.Error(at, Codes.IssueMisfiled, "a gazette issue file must be at gazettes/<year>/<issue number>.yml",
                "e.g. content/gazettes/2019/3.yml for issue 3 of 2019");
            return null;
        }

        var root = YamlText.Parse(file.Text!, file.Path, 0, diagnostics);
        if (root is not YamlMappingNode mapping)
        {
            if (root is not null || !diagnostics.Items.Any(d => d.Location.Path == file.Path))
            {
                diagnostics.Error(at, Codes.WrongType, "a gazette issue file must be a mapping with issue, date and sections");
            }

            return null;
        }

        var fields = new FieldReader(mapping, file.Path, 0, diagnostics, IssueKeys);
        var issueNumber = fields.Integer("issue", required: true);
        var total = fields.Integer("total");
        var date = fields.Date("date", required: true);
        var sections = fields.TextList("sections", required: true);
        if (number < 1)
        {
            diagnostics.Error(at, Codes.IssueMisfiled, $"issue numbers start at 1 (the file is named {number}.yml)", "rename the file and correct 'issue'");
        }
        else if (issueNumber is { } n && n != number)
        {
            fields.Error("issue", Codes.IssueMisfiled, $"the file is named {number}.yml but says issue {n}", $"rename the file to {n}.yml or correct 'issue'");
        }

        if (date is { } d && d.Year != year)
        {
            fields.Error("date", Codes.IssueMisfiled, $"the issue is filed under {year} but dated {d:yyyy-MM-dd}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var (name, sectionAt) in sections)
        {
            if (names.Add(name))
            {
                ordered.Add(name);
            }
            else
            {
                diagnostics.Error(sectionAt, Codes.DuplicateDefinition, $"the section '{name}' is listed twice");
            }
        }

        if (issueNumber is null || date is null || number < 1)
        {
            return null;
        }

        return new Issue(new IssueKey(year, number), total, date.Value, ordered, fields.Text("title"), fields.Start);
    }
}
