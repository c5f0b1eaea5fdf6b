using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Gazette.Checks;

/// <summary>
/// The check report as JSON, for machines: per organ, per kind, every finding with its document, place, dates and working days.
/// The format is described in the README ("The check report"); <see cref="Version"/> changes when a field changes meaning.
/// Keys are snake_case, dates YYYY-MM-DD; absent values are left out. The same report always gives the same bytes.
/// </summary>
public static class CheckReportJson
{
    public const int Version = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(CheckReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("site", report.Site);
            Date(json, "reference_date", report.ReferenceDate);
            json.WriteNumber("documents_checked", report.DocumentsChecked);
            json.WriteStartObject("limits");
            json.WriteNumber("publication_working_days", CheckReport.PublicationLimit);
            json.WriteNumber("interpretation_working_days", CheckReport.InterpretationLimit);
            json.WriteEndObject();
            json.WriteStartObject("calendar");
            Numbers(json, "years", report.CalendarYears);
            Numbers(json, "site_years", report.SiteCalendarYears);
            Numbers(json, "years_without_holidays", report.YearsWithoutHolidays);
            json.WriteEndObject();
            json.WriteStartObject("counts");
            json.WriteNumber("total", report.Findings.Count());
            foreach (var kind in FindingKind.All)
            {
                json.WriteNumber(kind.Id, report.Count(kind));
            }

            json.WriteEndObject();
            json.WriteStartArray("organs");
            foreach (var organ in report.Organs)
            {
                json.WriteStartObject();
                json.WriteString("id", organ.Organ.Id);
                json.WriteString("name", organ.Organ.Name);
                json.WriteNumber("count", organ.Findings.Count);
                json.WriteStartObject("findings");
                foreach (var kind in FindingKind.All)
                {
                    json.WriteStartArray(kind.Id);
                    foreach (var finding in organ.Of(kind))
                    {
                        Write(json, finding);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("code", finding.Kind.Code.Id);
        Text(json, "document_id", finding.DocumentId);
        Text(json, "title", finding.Title);
        Text(json, "entry_id", finding.EntryId);
        Text(json, "entry_name", finding.EntryName);
        json.WriteString("path", finding.Location.Path);
        json.WriteNumber("line", finding.Location.Line);
        json.WriteNumber("column", finding.Location.Column);
        Date(json, "written", finding.Written);
        Date(json, "published", finding.Published);
        Text(json, "policy_id", finding.PolicyId);
        Date(json, "policy_published", finding.PolicyPublished);
        Number(json, "working_days", finding.WorkingDays);
        Number(json, "limit", finding.Limit);
        Date(json, "due", finding.Due);
        Text(json, "genre", finding.Genre);
        Text(json, "validity", finding.Validity);
        Date(json, "validity_date", finding.ValidityDate);
        Text(json, "period", finding.Period);
        Date(json, "first_published", finding.FirstPublished);
        if (finding.Kind == FindingKind.MissedPeriod)
        {
            json.WriteStartArray("missed_periods");
            foreach (var period in finding.MissedPeriods)
            {
                json.WriteStringValue(period);
            }

            json.WriteEndArray();
        }

        json.WriteString("message", finding.Message);
        Text(json, "hint", finding.Hint);
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    private static void Date(Utf8JsonWriter json, string name, DateOnly? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void Numbers(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
