using Gazette.Calendar;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Stages;

namespace Gazette.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.BuiltIn;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2019-09-29")] // Sunday worked before 国庆节
    [InlineData("2019-10-12")] // Saturday worked after it
    [InlineData("2019-04-28")] // Sunday worked for the 劳动节 that 国办发明电〔2019〕3号 lengthened
    [InlineData("2018-12-29")] // Saturday worked for 元旦 2019, arranged by the 2019 notice
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2020-01-19")]
    public void Adjusted_weekend_days_are_working_days(string day)
    {
        Assert.True(China.IsWorkingDay(D(day)));
    }

    [Fact]
    public void The_national_day_week_of_2019_is_off()
    {
        for (var day = D("2019-10-01"); day <= D("2019-10-07"); day = day.AddDays(1))
        {
            Assert.False(China.IsWorkingDay(day), $"{day:yyyy-MM-dd} should be a day off");
        }

        Assert.True(China.IsWorkingDay(D("2019-09-30")));
        Assert.True(China.IsWorkingDay(D("2019-10-08")));
    }

    [Theory]
    [InlineData("2026-02-16")] // Monday of 春节 2026
    [InlineData("2026-02-23")] // its last day, a Monday
    [InlineData("2026-01-02")] // Friday of 元旦
    [InlineData("2020-01-31")] // the Friday the 2020 春节 was extended by
    [InlineData("2020-02-01")] // a Saturday first set as a working day, then given off
    [InlineData("2015-09-04")] // the Friday of the victory-day break of 国发明电〔2015〕1号
    [InlineData("2008-09-29")]
    public void Holidays_on_weekdays_are_days_off(string day)
    {
        Assert.False(China.IsWorkingDay(D(day)));
    }

    [Fact]
    public void Twenty_working_days_from_20_September_2019_end_on_23_October()
    {
        // 9/23–27 (5), Sunday 9/29 and Monday 9/30 (7), 10/8–11 (11), Saturday 10/12 (12), 10/14–18 (17), 10/21–23 (20).
        Assert.Equal(D("2019-10-23"), China.AddWorkingDays(D("2019-09-20"), 20));
        Assert.Equal(20, China.WorkingDaysBetween(D("2019-09-20"), D("2019-10-23")));
        Assert.Equal(19, China.WorkingDaysBetween(D("2019-09-20"), D("2019-10-22")));
    }

    [Fact]
    public void Counting_starts_the_day_after_and_includes_the_last_day()
    {
        Assert.Equal(0, China.WorkingDaysBetween(D("2019-03-01"), D("2019-03-01")));
        Assert.Equal(1, China.WorkingDaysBetween(D("2019-03-01"), D("2019-03-04"))); // Friday to Monday
        Assert.Equal(0, China.WorkingDaysBetween(D("2019-03-01"), D("2019-03-03")));
        Assert.Equal(-1, China.WorkingDaysBetween(D("2019-03-04"), D("2019-03-01")));
        Assert.Equal(D("2019-03-01"), China.AddWorkingDays(D("2019-03-04"), -1));
        Assert.Equal(D("2019-03-01"), China.AddWorkingDays(D("2019-03-01"), 0));
    }

    [Fact]
    public void Counting_agrees_with_walking_day_by_day_across_every_year_of_the_table()
    {
        var start = D("2007-12-01");
        var walked = 0;
        for (var day = start; day <= D("2027-01-31"); day = day.AddDays(1))
        {
            walked += day > start && China.IsWorkingDay(day) ? 1 : 0;
            if (day.Day is 1 or 15 or 28)
            {
                Assert.True(walked == China.WorkingDaysBetween(start, day), $"{day:yyyy-MM-dd}: walked {walked}, counted {China.WorkingDaysBetween(start, day)}");
            }
        }

        Assert.Equal(0, China.WorkingDaysBetween(D("2019-10-01"), D("2019-10-07")));
        foreach (var days in new[] { 1, 3, 20, 250, 20_000 })
        {
            Assert.Equal(days, China.WorkingDaysBetween(D("1990-01-01"), China.AddWorkingDays(D("1990-01-01"), days)));
            Assert.Equal(-days, China.WorkingDaysBetween(D("2026-12-31"), China.AddWorkingDays(D("2026-12-31"), -days)));
        }
    }

    [Fact]
    public void The_built_in_table_covers_2008_to_2026_with_a_notice_for_every_year()
    {
        Assert.Equal(Enumerable.Range(2008, 19), China.Years.Select(y => y.Year));
        Assert.All(China.Years, y => Assert.Contains(y.Notices, n => n.Contains("部分节假日安排的通知", StringComparison.Ordinal) && n.Contains("国办发明电〔", StringComparison.Ordinal)));
        Assert.False(China.Covers(2007));
        Assert.False(China.Covers(2027));
        Assert.Equal([2027, 2028], China.YearsNotCovered(D("2026-12-01"), D("2028-01-05")));
    }

    [Fact]
    public void Every_year_gives_its_statutory_days_off_and_works_only_weekend_days()
    {
        foreach (var year in China.Years)
        {
            Assert.False(China.IsWorkingDay(new DateOnly(year.Year, 1, 1)), $"1 January {year.Year}");
            Assert.False(China.IsWorkingDay(new DateOnly(year.Year, 10, 1)), $"1 October {year.Year}");
            Assert.False(China.IsWorkingDay(new DateOnly(year.Year, 5, 1)), $"1 May {year.Year}");
            Assert.All(year.Workdays, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        }
    }

    [Fact]
    public void A_year_outside_the_table_counts_monday_to_friday()
    {
        // 1 January 2027 is a Friday; without a notice for 2027 it counts as a working day.
        Assert.True(China.IsWorkingDay(D("2027-01-01")));
        Assert.Equal(5, China.WorkingDaysBetween(D("2027-03-05"), D("2027-03-12")));
    }

    [Fact]
    public void A_site_file_replaces_a_year_and_adds_another()
    {
        var diagnostics = new DiagnosticBag();
        var calendar = new ParseHolidays().Run(Stage.Content(("content/holidays.yml", """
            # 本地补充：2019 年国庆节多放一天（示例）；2027 年按预计安排
            - year: 2019
              notice: 本市关于2019年国庆节放假的通知（示例）
              holidays:
                - {name: 国庆节, from: 2019-10-01, to: 2019-10-08}
              workdays: [2019-10-12]
            - year: 2027
              holidays:
                - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
            """)), diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.False(calendar.IsWorkingDay(D("2019-10-08")));
        Assert.True(calendar.IsWorkingDay(D("2019-09-30")));
        Assert.False(calendar.IsWorkingDay(D("2019-10-01")));
        // The site's 2019 replaces the built-in one whole: its 春节 and the Sunday 9/29 are gone.
        Assert.True(calendar.IsWorkingDay(D("2019-02-04")));
        Assert.False(calendar.IsWorkingDay(D("2019-09-29")));
        Assert.True(calendar.Covers(2027));
        Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
        // Other years keep the built-in table.
        Assert.True(calendar.IsWorkingDay(D("2026-02-14")));
        Assert.Equal("content/holidays.yml:2:3", calendar.Years.Single(y => y.Year == 2019).Source.ToString());
    }

    [Fact]
    public void Without_a_site_file_the_built_in_table_is_used()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Same(WorkingCalendar.BuiltIn, new ParseHolidays().Run(Stage.Content(), diagnostics));
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("- year: 2019\n  workdays: [2019-10-11]\n", "content/holidays.yml:2:14", "GZ0105")] // a Friday
    [InlineData("- year: 2019\n  workdays: [2019-02-30]\n", "content/holidays.yml:2:14", "GZ0103")]
    [InlineData("- year: 2019\n  holidays:\n    - {name: 国庆节, from: 2019-10-07, to: 2019-10-01}\n", "content/holidays.yml:3:41", "GZ0105")]
    [InlineData("- year: 2019\n  holidays:\n    - {name: 国庆节, from: 2019-10-01, to: 2019-12-07}\n", "content/holidays.yml:3:41", "GZ0105")]
    [InlineData("- year: 2019\n  holidays:\n    - {name: 国庆节, from: 2021-10-01}\n", "content/holidays.yml:3:25", "GZ0105")]
    [InlineData("- year: 2019\n  holidays:\n    - {name: 国庆节, from: 2019-10-01, to: 2019-10-07}\n  workdays: [2019-10-05]\n", "content/holidays.yml:4:14", "GZ0105")]
    [InlineData("- year: 2019\n- year: 2019\n", "content/holidays.yml:2:9", "GZ0307")]
    [InlineData("- year: 2019\n  holiday: []\n", "content/holidays.yml:2:3", "GZ0101")]
    [InlineData("- notice: 无年份\n", "content/holidays.yml:1:3", "GZ0102")]
    [InlineData("year: 2019\n", "content/holidays.yml:1:1", "GZ0104")]
    [InlineData("- year: [2019\n", "content/holidays.yml:2:1", "GZ0005")]
    public void Mistakes_in_the_site_file_are_reported_at_their_place(string yaml, string at, string code)
    {
        var diagnostics = new DiagnosticBag();
        new ParseHolidays().Run(Stage.Content(("content/holidays.yml", yaml)), diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal((at, code), (diagnostic.Location.ToString(), diagnostic.Code.Id));
    }
}
