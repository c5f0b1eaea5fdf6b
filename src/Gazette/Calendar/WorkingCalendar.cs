using System.Reflection;
using Gazette.Diagnostics;

namespace Gazette.Calendar;

/// <summary>
/// Working days in mainland China: Monday to Friday, less the public holidays, plus the Saturdays and Sundays worked in their
/// place (调休上班), as the State Council arranges them each year. The table is data: <c>Calendar/holidays.yml</c> built in,
/// one entry per year from 2008, which a site extends or corrects with content/holidays.yml. A year the table lacks counts
/// Monday to Friday only; <see cref="Covers"/> tells which years it has. Immutable and thread-safe.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly Lazy<WorkingCalendar> BuiltInTable = new(LoadBuiltIn);

    private readonly SortedDictionary<int, HolidayYear> _years = [];
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _workdays = [];
    private readonly int[] _weekdaysOff;
    private readonly int[] _weekendsWorked;

    /// <summary>A calendar of the given years; a later entry for a year replaces an earlier one.</summary>
    public WorkingCalendar(IEnumerable<HolidayYear> years)
    {
        foreach (var year in years)
        {
            _years[year.Year] = year;
        }

        foreach (var year in _years.Values)
        {
            foreach (var holiday in year.Holidays)
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                {
                    _daysOff.Add(day);
                }
            }

            _workdays.UnionWith(year.Workdays);
        }

        // For counting without walking day by day: the day numbers that change a plain Monday-to-Friday count.
        _weekdaysOff = [.. _daysOff.Where(d => !IsWeekend(d) && !_workdays.Contains(d)).Select(d => d.DayNumber).Order()];
        _weekendsWorked = [.. _workdays.Where(IsWeekend).Select(d => d.DayNumber).Order()];
    }

    /// <summary>The built-in table: every year from 2008 to the latest notice.</summary>
    public static WorkingCalendar BuiltIn => BuiltInTable.Value;

    /// <summary>The years of the table, oldest first.</summary>
    public IReadOnlyList<HolidayYear> Years => [.. _years.Values];

    /// <summary>Whether the table has the arrangement for <paramref name="year"/>; other years count Monday to Friday only.</summary>
    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>This calendar with <paramref name="years"/> added, each replacing the year of the same number.</summary>
    public WorkingCalendar With(IEnumerable<HolidayYear> years) => new(_years.Values.Concat(years));

    /// <summary>An adjusted working weekend day, or Monday to Friday and not a day off.</summary>
    public bool IsWorkingDay(DateOnly day) => _workdays.Contains(day) || (!IsWeekend(day) && !_daysOff.Contains(day));

    /// <summary>
    /// How many working days lie after <paramref name="from"/> up to and including <paramref name="to"/>: a document written on a
    /// Friday and published the next Monday took one working day. Negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        // Monday to Friday in (from, to], less the weekdays off, plus the weekend days worked: constant time in the span.
        var (first, last) = (from.DayNumber + 1, to.DayNumber);
        return Weekdays(last + 1) - Weekdays(first) - CountIn(_weekdaysOff, first, last) + CountIn(_weekendsWorked, first, last);
    }

    /// <summary>
    /// The day that is <paramref name="days"/> working days after <paramref name="from"/> (before it, when negative): the last
    /// day of a time limit of that many working days. Zero gives <paramref name="from"/> itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = days < 0 ? -1 : 1;
        var day = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> (either order) that the table does not cover.</summary>
    public IEnumerable<int> YearsNotCovered(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (!Covers(year))
            {
                yield return year;
            }
        }
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>How many of the day numbers 0 … <paramref name="end"/> − 1 are Monday to Friday (day 0, 1 January 1, was a Monday).</summary>
    private static int Weekdays(int end) => (end / 7 * 5) + Math.Min(end % 7, 5);

    /// <summary>How many of the sorted <paramref name="days"/> lie in <paramref name="first"/> … <paramref name="last"/>.</summary>
    private static int CountIn(int[] days, int first, int last) => last < first ? 0 : LowerBound(days, last + 1) - LowerBound(days, first);

    private static int LowerBound(int[] days, int value)
    {
        var index = Array.BinarySearch(days, value);
        return index >= 0 ? index : ~index;
    }

    private static WorkingCalendar LoadBuiltIn()
    {
        const string name = "Gazette.Calendar.holidays.yml";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the built-in {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        var years = HolidayFile.Parse(reader.ReadToEnd(), "(built-in)/holidays.yml", diagnostics);
        return diagnostics.HasErrors
            ? throw new InvalidOperationException($"the built-in holidays.yml is invalid: {diagnostics.Items[0]}")
            : new WorkingCalendar(years);
    }
}
