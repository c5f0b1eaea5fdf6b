using System.Globalization;
using System.Text.RegularExpressions;

namespace Gazette.Bench.Incremental;

/// <summary>
/// The figures of the last line <c>gazette build</c> prints: <c>built 49353 documents (647 not public or drafts, withheld) into
/// out/: 49352 documents not made again (unchanged), 62263 pages (1 rendered), 175468 files (774 written, 174694 unchanged)
/// in 8.17 s; …</c> (the documents not made again are said only when there are some).
/// </summary>
public sealed partial record BuildSummary(int Documents, int NotMadeAgain, int Pages, int Rendered, int Files, int Written, int Unchanged)
{
    /// <summary>The figures of the last such line of the build's standard output; null when it has none.</summary>
    public static BuildSummary? Parse(string stdout)
    {
        var matches = Line().Matches(stdout);
        if (matches.Count == 0)
        {
            return null;
        }

        var m = matches[^1];
        int Number(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        return new BuildSummary(Number("documents"), Number("again"), Number("pages"), Number("rendered"), Number("files"), Number("written"), Number("unchanged"));
    }

    [GeneratedRegex(@"^built (?<documents>\d+) documents .* into .*/: (?:(?<again>\d+) documents not made again \(unchanged\), )?(?<pages>\d+) pages \((?<rendered>\d+) rendered\), (?<files>\d+) files \((?<written>\d+) written, (?<unchanged>\d+) unchanged\) in ", RegexOptions.Multiline)]
    private static partial Regex Line();
}
