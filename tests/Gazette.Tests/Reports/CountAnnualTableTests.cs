using Gazette.Model;
using Gazette.Reports;
using Gazette.Tests.Stages;

namespace Gazette.Tests.Reports;

/// <summary>Table 二 counted from documents in memory: each column, the organ filter, what is left out, and the identity across years.</summary>
public sealed class CountAnnualTableTests
{
    private static readonly SiteConfiguration Config = Stage.Config();

    private static AnnualTable Count(int year, params Document[] documents) => new CountAnnualTable().Run(Config, documents, year);

    private static Document Made(string id, DateOnly written, string genre = "tongzhi") =>
        Stage.Document(id) with { Genre = genre, Written = written, Published = written.AddDays(3) };

    private static Validity Ended(ValidityStatus status, DateOnly date) => new(status, date, null, null, null);

    /// <summary>The row as "made repealed in-force (in force the year before)", the made and repealed ids after it.</summary>
    private static string Describe(AnnualTableRow row) =>
        $"{row.Made.Count} {row.Repealed.Count} {row.InForce} ({row.InForceBefore}) made [{string.Join(",", row.Made.Select(d => d.Id))}] repealed [{string.Join(",", row.Repealed.Select(d => d.Id))}]";

    [Fact]
    public void Documents_are_made_in_the_year_they_were_written_not_the_year_they_were_published()
    {
        var december = Made("december", new DateOnly(2019, 12, 31)) with { Published = new DateOnly(2020, 1, 6) };
        var january = Made("january", new DateOnly(2020, 1, 2));

        Assert.Equal("1 0 1 (0) made [december] repealed []", Describe(Count(2019, december, january).Row(LegalForm.Normative)));
        Assert.Equal("1 0 2 (1) made [january] repealed []", Describe(Count(2020, december, january).Row(LegalForm.Normative)));
    }

    [Fact]
    public void Repealed_and_expired_documents_count_in_the_year_of_their_date_and_leave_the_documents_in_force()
    {
        var repealed = Made("repealed", new DateOnly(2017, 5, 1)) with { Validity = Ended(ValidityStatus.Repealed, new DateOnly(2019, 6, 30)) };
        var expired = Made("expired", new DateOnly(2018, 5, 1)) with { Validity = Ended(ValidityStatus.Expired, new DateOnly(2019, 12, 31)) };
        var later = Made("later", new DateOnly(2018, 5, 1)) with { Validity = Ended(ValidityStatus.Expired, new DateOnly(2020, 1, 1)) };

        Assert.Equal("2 0 3 (1) made [expired,later] repealed []", Describe(Count(2018, repealed, expired, later).Row(LegalForm.Normative)));
        Assert.Equal("0 2 1 (3) made [] repealed [repealed,expired]", Describe(Count(2019, repealed, expired, later).Row(LegalForm.Normative)));
        Assert.Equal("0 1 0 (1) made [] repealed [later]", Describe(Count(2020, repealed, expired, later).Row(LegalForm.Normative)));
    }

    [Fact]
    public void An_amended_document_stays_in_force_and_is_not_repealed()
    {
        var amended = Made("amended", new DateOnly(2018, 5, 1)) with { Validity = new Validity(ValidityStatus.Amended, new DateOnly(2019, 3, 1), null, "newer", null) };

        Assert.Equal("0 0 1 (1) made [] repealed []", Describe(Count(2019, amended).Row(LegalForm.Normative)));
    }

    [Fact]
    public void A_document_made_and_repealed_in_the_same_year_counts_in_both_columns_and_is_not_in_force_at_the_end()
    {
        var brief = Made("brief", new DateOnly(2019, 3, 1)) with { Validity = Ended(ValidityStatus.Repealed, new DateOnly(2019, 9, 1)) };
        var sameDay = Made("same-day", new DateOnly(2019, 4, 1)) with { Validity = Ended(ValidityStatus.Expired, new DateOnly(2019, 4, 1)) };

        Assert.Equal("2 2 0 (0) made [brief,same-day] repealed [same-day,brief]", Describe(Count(2019, brief, sameDay).Row(LegalForm.Normative)));
        Assert.Equal("0 0 0 (0) made [] repealed []", Describe(Count(2020, brief, sameDay).Row(LegalForm.Normative)));
    }

    [Fact]
    public void Rules_and_normative_documents_are_counted_in_their_own_rows_and_other_documents_in_neither()
    {
        var rules = Made("rules", new DateOnly(2019, 2, 1), "banfa") with { LegalForm = LegalForm.Rules };
        var normative = Made("normative", new DateOnly(2019, 2, 1), "banfa");
        var plan = Made("plan", new DateOnly(2019, 2, 1), "fangan");
        var workNotice = Made("work-notice", new DateOnly(2019, 2, 1)) with { LegalForm = LegalForm.Other };
        var normativePlan = Made("normative-plan", new DateOnly(2019, 2, 1), "fangan") with { LegalForm = LegalForm.Normative };

        var table = Count(2019, rules, normative, plan, workNotice, normativePlan);

        Assert.Equal([LegalForm.Rules, LegalForm.Normative], table.Rows.Select(r => r.Form));
        Assert.Equal("1 0 1 (0) made [rules] repealed []", Describe(table.Row(LegalForm.Rules)));
        Assert.Equal("2 0 2 (0) made [normative,normative-plan] repealed []", Describe(table.Row(LegalForm.Normative)));
    }

    [Fact]
    public void Documents_that_are_not_public_are_not_counted_and_do_not_date_the_data()
    {
        var published = Made("published", new DateOnly(2019, 2, 1));
        var onRequest = Made("on-request", new DateOnly(2019, 3, 1)) with { Disclosure = Disclosure.OnRequest, DisclosureReason = "内部事务", Published = new DateOnly(2019, 11, 1) };
        var withheld = Made("withheld", new DateOnly(2019, 4, 1)) with { Disclosure = Disclosure.Withheld, DisclosureReason = "涉密" };

        var table = Count(2019, published, onRequest, withheld);

        Assert.Equal("1 0 1 (0) made [published] repealed []", Describe(table.Row(LegalForm.Normative)));
        Assert.Equal(new DateOnly(2019, 2, 4), table.DataDate);
    }

    [Fact]
    public void An_organ_counts_the_documents_it_leads_and_not_the_joint_documents_led_by_another()
    {
        var led = Made("led", new DateOnly(2019, 2, 1)) with { Issuers = ["city-gov"] };
        var jointLed = Made("joint-led", new DateOnly(2019, 3, 1)) with { Issuers = ["city-gov", "city-office"] };
        var jointSecond = Made("joint-second", new DateOnly(2019, 4, 1)) with { Issuers = ["city-office", "city-gov"] };
        var cityGov = Config.FindOrgan("city-gov")!;

        var table = new CountAnnualTable().Run(Config, [led, jointLed, jointSecond], 2019, cityGov);

        Assert.Same(cityGov, table.Organ);
        Assert.Equal("2 0 2 (0) made [led,joint-led] repealed []", Describe(table.Row(LegalForm.Normative)));
        Assert.Equal("3 0 3 (0) made [led,joint-led,joint-second] repealed []", Describe(Count(2019, led, jointLed, jointSecond).Row(LegalForm.Normative)));
    }

    [Fact]
    public void Without_published_documents_every_count_is_zero_and_there_is_no_data_date()
    {
        var table = Count(2019);

        Assert.Null(table.DataDate);
        Assert.All(table.Rows, r => Assert.Equal("0 0 0 (0) made [] repealed []", Describe(r)));
    }

    [Fact]
    public void The_policy_genres_of_the_site_are_named_for_the_note()
    {
        Assert.Equal(["决定", "命令", "通告", "意见", "通知", "办法", "规定", "细则"], Count(2019).PolicyGenres);
    }

    /// <summary>
    /// A synthetic archive of 600 documents written 2008–2025 by three organs, some joint, of every legal form, disclosure and
    /// validity, repealed up to 2027. Every year and every organ: in force = in force the year before + made − repealed,
    /// the year before's row agrees, the organs add up to the site, and each count agrees with looking at each document.
    /// </summary>
    [Fact]
    public void In_force_is_last_years_in_force_plus_made_minus_repealed_in_every_year_and_for_every_organ()
    {
        var random = new Random(20250131);
        string[] organs = ["city-gov", "city-office", "no-code"];
        string[] genres = ["tongzhi", "yijian", "banfa", "fangan", "han", "mingling"];
        var documents = Enumerable.Range(0, 600).Select(i =>
        {
            var written = new DateOnly(2008, 1, 1).AddDays(random.Next(18 * 365));
            var leading = organs[random.Next(organs.Length)];
            var document = Made($"d{i:000}", written, genres[random.Next(genres.Length)]) with
            {
                Issuers = random.Next(5) == 0 ? [leading, .. organs.Where(o => o != leading).Take(1)] : [leading],
                Disclosure = random.Next(10) == 0 ? Disclosure.OnRequest : Disclosure.Public,
                LegalForm = random.Next(6) switch { 0 => LegalForm.Rules, 1 => LegalForm.Other, _ => null },
            };
            var since = written.AddDays(random.Next(4 * 365));
            return random.Next(4) switch
            {
                0 => document with { Validity = Ended(ValidityStatus.Repealed, since) },
                1 => document with { Validity = Ended(ValidityStatus.Expired, since) },
                2 => document with { Validity = new Validity(ValidityStatus.Amended, since, null, null, null) },
                _ => document,
            };
        }).ToList();

        var checkedRows = 0;
        foreach (var organ in organs.Select(Config.FindOrgan).Prepend(null))
        {
            AnnualTable? before = null;
            for (var year = 2007; year <= 2028; year++)
            {
                var table = new CountAnnualTable().Run(Config, documents, year, organ);
                foreach (var row in table.Rows)
                {
                    Assert.Equal(row.InForceBefore + row.Made.Count - row.Repealed.Count, row.InForce);
                    Assert.Equal(before?.Row(row.Form).InForce ?? 0, row.InForceBefore);
                    var ofRow = documents.Where(d => d.IsPublic && (organ is null || d.Issuers[0] == organ.Id) && Config.LegalFormOf(d) == row.Form).ToList();
                    Assert.Equal(ofRow.Count(d => d.Written.Year == year), row.Made.Count);
                    Assert.Equal(ofRow.Count(d => d.Validity.Status is ValidityStatus.Repealed or ValidityStatus.Expired && d.Validity.Date!.Value.Year == year), row.Repealed.Count);
                    checkedRows++;
                }

                before = table;
            }
        }

        Assert.Equal(4 * 22 * 2, checkedRows);
        var site = Count(2025, [.. documents]);
        var byOrgan = organs.Select(o => new CountAnnualTable().Run(Config, documents, 2025, Config.FindOrgan(o))).ToList();
        foreach (var form in CountAnnualTable.Forms)
        {
            Assert.Equal(site.Row(form).InForce, byOrgan.Sum(t => t.Row(form).InForce));
            Assert.Equal(site.Row(form).Made.Count, byOrgan.Sum(t => t.Row(form).Made.Count));
        }

        // The synthetic set is not trivial: every column has documents in it.
        Assert.True(site.Row(LegalForm.Rules).InForce > 0 && site.Row(LegalForm.Normative).InForce > 20);
        Assert.True(Enumerable.Range(2008, 18).Sum(y => Count(y, [.. documents]).Row(LegalForm.Normative).Repealed.Count) > 50);
    }
}
