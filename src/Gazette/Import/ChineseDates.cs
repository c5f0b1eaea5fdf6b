using System.Globalization;
using System.Text.RegularExpressions;

namespace Gazette.Import;

/// <summary>Reads the dates Chinese documents write: 2019年7月19日 (also with full-width digits), 二〇一八年九月三日 and 2018-09-10.</summary>
internal static partial class ChineseDates
{
    private const string Numerals = "〇零一二三四五六七八九十";

    /// <summary>Every date in the text, in order, with where it starts and how long it is.</summary>
    public static IEnumerable<(DateOnly Date, int Index, int Length)> FindAll(string text)
    {
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryMake(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value) is { } date)
            {
                yield return (date, match.Index, match.Length);
            }
        }
    }

    /// <summary>The date when the whole (trimmed) line is one date, else null.</summary>
    public static DateOnly? WholeLine(string line)
    {
        var trimmed = line.Trim().Trim('\u3000');
        var match = DatePattern().Match(trimmed);
        return match.Success && match.Index == 0 && match.Length == trimmed.Length
            ? TryMake(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value)
            : null;
    }

    /// <summary>The text of a date in the content model's form.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? TryMake(string year, string month, string day)
    {
        var y = Number(year, positional: true);
        var m = Number(month, positional: false);
        var d = Number(day, positional: false);
        return y is >= 1949 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    /// <summary>A number in ASCII or full-width digits, or in Chinese numerals: digit by digit for a year (二〇一八), with 十 otherwise.</summary>
    private static int Number(string text, bool positional)
    {
        if (text.Length == 0)
        {
            return -1;
        }

        if (char.IsAsciiDigit(text[0]) || text[0] is >= '０' and <= '９')
        {
            var value = 0;
            foreach (var c in text)
            {
                value = value * 10 + (c >= '０' ? c - '０' : c - '0');
            }

            return value;
        }

        if (positional)
        {
            var value = 0;
            foreach (var c in text)
            {
                var digit = Numerals.IndexOf(c, StringComparison.Ordinal);
                value = value * 10 + (digit <= 1 ? 0 : digit - 1);
            }

            return value;
        }

        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            var digit = Numerals.IndexOf(text[0], StringComparison.Ordinal);
            return digit <= 1 ? -1 : digit - 1;
        }

        var tens = ten == 0 ? 1 : Numerals.IndexOf(text[0], StringComparison.Ordinal) - 1;
        var units = ten == text.Length - 1 ? 0 : Numerals.IndexOf(text[ten + 1], StringComparison.Ordinal) - 1;
        return tens * 10 + units;
    }

    [GeneratedRegex(@"(?<y>[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日|(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?![0-9])")]
    private static partial Regex DatePattern();
}
