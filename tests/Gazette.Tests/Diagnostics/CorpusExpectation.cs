using System.Globalization;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// One row of <c>tests/corpora/bad-input/expected.tsv</c>: a diagnostic the corpus must produce at a file's line (and column, unless
/// the row says <c>*</c>), or, with the code <c>ok</c>, a file that must produce none.
/// </summary>
internal sealed record CorpusExpectation(string Path, int? Line, int? Column, string Code, string Case)
{
    public bool IsOk => Code == "ok";

    /// <summary>Parses the tab-separated rows (path, line, col, code, case); lines starting with '#' are comments.</summary>
    public static IReadOnlyList<CorpusExpectation> Parse(string tsv) =>
        tsv.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => f.Length == 5
                ? new CorpusExpectation(f[0], Number(f[1]), Number(f[2]), f[3], f[4])
                : throw new FormatException("expected.tsv rows have 5 fields: " + string.Join("|", f)))
            .ToList();

    public override string ToString() =>
        IsOk ? "no diagnostic" : $"{Code} at {Line}:{(Column is { } column ? column.ToString(CultureInfo.InvariantCulture) : "*")}";

    private static int? Number(string field) => field is "-" or "*" ? null : int.Parse(field, CultureInfo.InvariantCulture);
}
