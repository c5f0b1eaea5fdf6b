using System.Globalization;
using Gazette.Content;
using Gazette.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Gazette.Calendar;

/// <summary>
/// Reads a holiday table (the built-in Calendar/holidays.yml or a site's content/holidays.yml): a list of years, each
/// <c>{year, notice, holidays: [{name, from, to}], workdays: [dates]}</c>. Every problem is a diagnostic at its line and column.
/// </summary>
internal static class HolidayFile
{
    /// <summary>No holiday break is longer; a longer span is a typing mistake (a wrong month).</summary>
    public const int LongestHoliday = 31;

    private static readonly string[] YearKeys = ["year", "notice", "holidays", "workdays"];
    private static readonly string[] HolidayKeys = ["name", "from", "to"];

    public static IReadOnlyList<HolidayYear> Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var root = YamlText.Parse(text, path, 0, diagnostics);
        if (root is null)
        {
            return [];
        }

        if (root is not YamlSequenceNode sequence)
        {
            diagnostics.Error(new SourceLocation(path, (int)root.Start.Line, (int)root.Start.Column), Codes.WrongType,
                "holidays.yml must be a list of years, each starting with '- year:'");
            return [];
        }

        var years = new List<HolidayYear>();
        var seen = new HashSet<int>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                diagnostics.Error(new SourceLocation(path, (int)item.Start.Line, (int)item.Start.Column), Codes.WrongType,
                    "each item must be a mapping of keys to values (year, notice, holidays, workdays)");
                continue;
            }

            var fields = new FieldReader(mapping, path, 0, diagnostics, YearKeys);
            if (Read(fields, diagnostics) is not { } year)
            {
                continue;
            }

            if (seen.Add(year.Year))
            {
                years.Add(year);
            }
            else
            {
                fields.Error("year", Codes.DuplicateDefinition, $"the year {year.Year} is arranged twice in this file",
                    "keep one entry per year, with every holiday of that year in it");
            }
        }

        return years;
    }

    private static HolidayYear? Read(FieldReader fields, DiagnosticBag diagnostics)
    {
        var year = fields.Integer("year", required: true);
        if (year is < 1949 or > 9998)
        {
            fields.Error("year", Codes.InvalidValue, $"'year' cannot be {year}", "write the year the notice arranges, e.g. 2019");
            year = null;
        }

        var notices = fields.TextList("notice").Select(n => n.Value).ToList();
        var holidays = new List<Holiday>();
        foreach (var item in fields.MappingList("holidays", HolidayKeys))
        {
            var name = item.Text("name", required: true);
            var from = item.Date("from", required: true);
            var to = item.Has("to") ? item.Date("to") : from;
            if (name is null || from is not { } first || to is not { } last)
            {
                continue;
            }

            if (last < first)
            {
                item.Error("to", Codes.InvalidValue, $"the holiday {name} ends on {last:yyyy-MM-dd}, before it starts on {first:yyyy-MM-dd}",
                    "write the first day off as 'from' and the last as 'to'");
            }
            else if (last.DayNumber - first.DayNumber >= LongestHoliday)
            {
                item.Error("to", Codes.InvalidValue, $"the holiday {name} runs {last.DayNumber - first.DayNumber + 1} days, from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}",
                    "check the months of 'from' and 'to'");
            }
            else if (year is { } y && (IsFar(first, y) || IsFar(last, y)))
            {
                item.Error("from", Codes.InvalidValue, $"the holiday {name} ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}) is not in or beside the year {y}",
                    "check the year of the dates, or of 'year'");
            }
            else
            {
                holidays.Add(new Holiday(name, first, last));
            }
        }

        var workdays = new List<DateOnly>();
        foreach (var (text, at) in fields.TextList("workdays"))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                diagnostics.Error(at, Codes.InvalidDate, $"'workdays' must list dates like 2019-09-29 (got \"{text}\")",
                    "dates are written YYYY-MM-DD and must exist in the calendar");
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                diagnostics.Error(at, Codes.InvalidValue, $"{day:yyyy-MM-dd} is a {day.DayOfWeek}: only a Saturday or a Sunday can be made a working day",
                    "list under 'workdays' only the weekend days worked (调休上班)");
            }
            else if (holidays.FirstOrDefault(h => h.From <= day && day <= h.To) is { } holiday)
            {
                diagnostics.Error(at, Codes.InvalidValue, $"{day:yyyy-MM-dd} is listed as a working day but is a day off of {holiday.Name}",
                    "remove it from 'workdays' or correct the holiday's dates");
            }
            else if (year is { } y && IsFar(day, y))
            {
                diagnostics.Error(at, Codes.InvalidValue, $"the working day {day:yyyy-MM-dd} is not in or beside the year {y}",
                    "check the year of the date, or of 'year'");
            }
            else
            {
                workdays.Add(day);
            }
        }

        return year is { } arranged ? new HolidayYear(arranged, notices, holidays, workdays, fields.Start) : null;
    }

    private static bool IsFar(DateOnly day, int year) => Math.Abs(day.Year - year) > 1;
}
