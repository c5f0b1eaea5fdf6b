using Gazette.Calendar;
using Gazette.Content;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// Makes the working calendar: the built-in holiday table with the site's content/holidays.yml over it, where each year the
/// site writes replaces the built-in arrangement of that year (or adds a year the table does not have yet).
/// </summary>
public sealed class ParseHolidays
{
    public const string FileName = "holidays.yml";

    public WorkingCalendar Run(ContentSet content, DiagnosticBag diagnostics)
    {
        var file = content.FindInContent(FileName);
        if (file?.Text is null)
        {
            return WorkingCalendar.BuiltIn;
        }

        return WorkingCalendar.BuiltIn.With(HolidayFile.Parse(file.Text, file.Path, diagnostics));
    }
}
