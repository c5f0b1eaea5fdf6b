using Gazette.Diagnostics;

namespace Gazette.Calendar;

/// <summary>
/// One year of the holiday table: what the State Council's 部分节假日安排的通知 for <see cref="Year"/> arranges. Its days may fall
/// in the year before (a 元旦 break that starts on 30 December).
/// </summary>
public sealed record HolidayYear(
    int Year,
    /// <summary>The notice that arranges the year, and any later notice that changed it.</summary>
    IReadOnlyList<string> Notices,
    /// <summary>The days off (放假).</summary>
    IReadOnlyList<Holiday> Holidays,
    /// <summary>The Saturdays and Sundays that are working days (调休上班).</summary>
    IReadOnlyList<DateOnly> Workdays,
    /// <summary>Where the year was written: the built-in table or the site's content/holidays.yml.</summary>
    SourceLocation Source);
