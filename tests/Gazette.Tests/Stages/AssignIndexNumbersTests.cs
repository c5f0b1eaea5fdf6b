using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class AssignIndexNumbersTests
{
    private static readonly SiteConfiguration Config = Stage.Config();

    private static IReadOnlyList<Document> Assign(DiagnosticBag diagnostics, params Document[] documents) =>
        new AssignIndexNumbers().Run(documents, Config, diagnostics);

    private static Dictionary<string, string?> Numbers(params Document[] documents)
    {
        var diagnostics = new DiagnosticBag();
        var result = Assign(diagnostics, documents).ToDictionary(d => d.Id, d => d.IndexNumber, StringComparer.Ordinal);
        Assert.True(diagnostics.Items.Count == 0, Stage.Describe(diagnostics));
        return result;
    }

    [Fact]
    public void The_hash_is_32_bit_FNV_1a_over_UTF8()
    {
        Assert.Equal(0x811c9dc5u, AssignIndexNumbers.Hash(""));
        Assert.Equal(0xe40c292cu, AssignIndexNumbers.Hash("a"));
        Assert.Equal(0xbf9cf968u, AssignIndexNumbers.Hash("foobar"));
    }

    [Fact]
    public void A_derived_number_is_the_organ_code_the_year_written_and_five_digits_of_the_document_number_hash()
    {
        // FNV-1a of 测府办发〔2019〕1号 is 0x13fb20c5 = 335225029, so the slot is 25029.
        var document = Stage.Document("a") with { DocNumber = "测府办发〔2019〕1号" };

        Assert.Equal("000014350/2019-25029", Numbers(document)["a"]);
    }

    [Fact]
    public void Without_a_document_number_the_title_is_hashed()
    {
        // FNV-1a of 关于a的通知 is 0xc936133c, whose slot is 64284.
        Assert.Equal("000014350/2019-64284", Numbers(Stage.Document("a"))["a"]);
    }

    [Fact]
    public void The_year_is_the_year_written_and_the_code_that_of_the_leading_organ()
    {
        var document = Stage.Document("a") with
        {
            Issuers = ["city-gov", "city-office"],
            Written = new DateOnly(2018, 12, 28),
            Published = new DateOnly(2019, 1, 4),
        };

        Assert.Equal("000014349/2018-64284", Numbers(document)["a"]);
    }

    [Fact]
    public void The_same_content_gets_the_same_numbers_on_every_run()
    {
        Document[] Site() => [Stage.Document("a"), Stage.Document("b") with { DocNumber = "测府办发〔2019〕1号" }, Stage.Document("c")];

        Assert.Equal(Numbers(Site()), Numbers(Site()));
    }

    [Fact]
    public void Adding_another_document_does_not_change_existing_numbers()
    {
        var before = Numbers(Stage.Document("a"), Stage.Document("b"));

        var after = Numbers(Stage.Document("new"), Stage.Document("a"), Stage.Document("b"));

        Assert.Equal(before["a"], after["a"]);
        Assert.Equal(before["b"], after["b"]);
        Assert.Equal("000014350/2019-37455", after["new"]);
    }

    [Fact]
    public void Written_numbers_are_kept_and_never_given_to_another_document()
    {
        // b's written number is the one a would derive, so a moves to the next free slot.
        var numbers = Numbers(Stage.Document("a"), Stage.Document("b") with { IndexNumber = "000014350/2019-64284" });

        Assert.Equal("000014350/2019-64284", numbers["b"]);
        Assert.Equal("000014350/2019-64285", numbers["a"]);
    }

    [Fact]
    public void Colliding_documents_get_distinct_numbers_in_id_order()
    {
        var numbers = Numbers(
            Stage.Document("c", "同名的通知"), Stage.Document("a", "同名的通知"), Stage.Document("b", "同名的通知"));

        var slot = AssignIndexNumbers.Hash("同名的通知") % 100_000;
        Assert.Equal($"000014350/2019-{slot:D5}", numbers["a"]);
        Assert.Equal($"000014350/2019-{(slot + 1) % 100_000:D5}", numbers["b"]);
        Assert.Equal($"000014350/2019-{(slot + 2) % 100_000:D5}", numbers["c"]);
    }

    [Fact]
    public void The_same_document_number_in_different_years_does_not_collide()
    {
        var numbers = Numbers(
            Stage.Document("a") with { DocNumber = "年度报告" },
            Stage.Document("b") with { DocNumber = "年度报告", Written = new DateOnly(2020, 1, 10), Published = new DateOnly(2020, 1, 10) });

        Assert.Equal(numbers["a"]![^5..], numbers["b"]![^5..]);
        Assert.NotEqual(numbers["a"], numbers["b"]);
    }

    [Fact]
    public void A_written_number_used_twice_is_reported_on_the_second_document()
    {
        var diagnostics = new DiagnosticBag();

        Assign(diagnostics,
            Stage.Document("a") with { IndexNumber = "X/1" },
            Stage.Document("b").At("index_number", 10) with { IndexNumber = "X/1" });

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("content/documents/b.md:10:1: GZ0302", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("the index number X/1 is already used by content/documents/a.md", error.Message);
    }

    [Fact]
    public void A_leading_organ_without_code_is_reported_at_issuers_and_no_number_is_given()
    {
        var diagnostics = new DiagnosticBag();

        var result = Assign(diagnostics, Stage.Document("a").At("issuers", 3) with { Issuers = ["no-code", "city-gov"] });

        Assert.Null(Assert.Single(result).IndexNumber);
        Assert.Equal(["content/documents/a.md:3:1: GZ0308"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void An_unknown_organ_gets_no_number_and_no_second_report()
    {
        var diagnostics = new DiagnosticBag();

        var result = Assign(diagnostics, Stage.Document("a") with { Issuers = ["nobody"] });

        Assert.Null(Assert.Single(result).IndexNumber);
        Assert.Empty(diagnostics.Items);
    }
}
