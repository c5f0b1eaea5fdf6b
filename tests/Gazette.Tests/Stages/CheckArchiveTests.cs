using Gazette.Calendar;
using Gazette.Checks;
using Gazette.Diagnostics;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class CheckArchiveTests
{
    private static readonly DateOnly Written = new(2019, 9, 20);

    private static CheckReport Run(WorkingCalendar calendar, DiagnosticBag diagnostics, params Gazette.Model.Document[] documents) =>
        new CheckArchive().Run(Stage.Config(), documents, calendar, diagnostics);

    [Fact]
    public void The_sites_holiday_file_changes_what_is_late()
    {
        // Built in, 20 September to 23 October 2019 is 20 working days. A site whose 2019 gives only 1–3 October off (and keeps
        // the two weekend days worked) counts 4 and 7 October as well: 22.
        var document = Stage.Document("a").At("published", 5) with { Genre = "fangan", Summary = "概述。", Written = Written, Published = new DateOnly(2019, 10, 23) };
        var site = WorkingCalendar.BuiltIn.With([new HolidayYear(2019, [], [new Holiday("国庆节", new DateOnly(2019, 10, 1), new DateOnly(2019, 10, 3))],
            [new DateOnly(2019, 9, 29), new DateOnly(2019, 10, 12)], new SourceLocation("content/holidays.yml"))]);

        var builtIn = new DiagnosticBag();
        Assert.Empty(Run(WorkingCalendar.BuiltIn, builtIn, document).Findings);
        Assert.Empty(builtIn.Items);

        var local = new DiagnosticBag();
        var report = Run(site, local, document);
        var finding = Assert.Single(report.Findings);
        Assert.Equal((22, new DateOnly(2019, 10, 21)), (finding.WorkingDays, finding.Due));
        Assert.Equal([2019], report.SiteCalendarYears);
        Assert.Equal("content/documents/a.md:5:1: GZ0601", Assert.Single(Stage.Summary(local)));
    }

    [Fact]
    public void An_interpretation_published_before_its_policy_is_not_late()
    {
        var policy = Stage.Document("policy") with { Summary = "概述。", Written = Written, Published = new DateOnly(2019, 10, 8) };
        var jiedu = Stage.Document("jiedu") with { Genre = "zhengce-jiedu", Summary = "概述。", Interprets = "policy", Written = Written, Published = Written };
        var diagnostics = new DiagnosticBag();

        var report = Run(WorkingCalendar.BuiltIn, diagnostics, policy, jiedu);

        Assert.Empty(report.Findings);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Without_published_documents_there_is_no_reference_date_and_nothing_to_report()
    {
        var withheld = Stage.Document("a") with { Disclosure = Gazette.Model.Disclosure.Withheld, DisclosureReason = "涉密" };
        var diagnostics = new DiagnosticBag();

        var report = Run(WorkingCalendar.BuiltIn, diagnostics, withheld);

        Assert.Null(report.ReferenceDate);
        Assert.Equal(0, report.DocumentsChecked);
        Assert.Empty(report.Findings);
        Assert.Equal(["city-gov", "city-office", "no-code"], report.Organs.Select(o => o.Organ.Id));
    }

    [Fact]
    public void The_json_report_is_the_same_for_the_same_content()
    {
        var late = Stage.Document("a").At("published", 5) with { Summary = null, Written = Written, Published = new DateOnly(2019, 12, 2) };

        var first = CheckReportJson.Write(Run(WorkingCalendar.BuiltIn, new DiagnosticBag(), late));
        var second = CheckReportJson.Write(Run(WorkingCalendar.BuiltIn, new DiagnosticBag(), late));

        Assert.Equal(first, second);
        Assert.Contains("\"missing_summary\": 1", first);
        Assert.Contains("\"policy_without_interpretation\": 1", first);
        Assert.Contains("\"late_publication\": 1", first);
        Assert.Contains("\"title\": \"关于a的通知\"", first); // Chinese stays readable
    }

    [Fact]
    public void A_policy_genre_document_written_as_legal_form_other_needs_no_interpretation()
    {
        var workPlan = Stage.Document("a") with { Summary = "概述。", LegalForm = Gazette.Model.LegalForm.Other };
        var diagnostics = new DiagnosticBag();

        Assert.Empty(Run(WorkingCalendar.BuiltIn, diagnostics, workPlan).Findings);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_document_of_another_genre_written_as_a_normative_document_needs_an_interpretation_reported_at_its_legal_form()
    {
        var plan = Stage.Document("a").At("genre", 7).At("legal_form", 8) with { Genre = "fangan", Summary = "概述。", LegalForm = Gazette.Model.LegalForm.Normative };
        var diagnostics = new DiagnosticBag();

        var finding = Assert.Single(Run(WorkingCalendar.BuiltIn, diagnostics, plan).Findings);

        Assert.Equal(FindingKind.PolicyWithoutInterpretation, finding.Kind);
        Assert.Equal("方案", finding.Genre);
        Assert.Equal("content/documents/a.md:8:1: GZ0603", Assert.Single(Stage.Summary(diagnostics)));
    }
}
