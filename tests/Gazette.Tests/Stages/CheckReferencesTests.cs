using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class CheckReferencesTests
{
    private static readonly Issue Issue2019No1 =
        new(new IssueKey(2019, 1), null, new DateOnly(2019, 3, 10), ["市政府文件", "市政府办公室文件"], null, new SourceLocation("content/gazettes/2019/1.yml"));

    private static DiagnosticBag Check(params Document[] documents) => Check(documents, [Issue2019No1]);

    private static DiagnosticBag Check(Document[] documents, Issue[] issues)
    {
        var diagnostics = new DiagnosticBag();
        new CheckReferences().Run(documents, issues, diagnostics);
        return diagnostics;
    }

    private static Document Policy => Stage.Document("policy");

    private static Document Interpretation(string target) => Stage.Document("jiedu").At("interprets", 10) with { Interprets = target };

    private static Document Placed(string id, int year, int issue, string section, int order) =>
        Stage.Document(id).At("gazette", 11) with { Gazette = new GazettePlacement(year, issue, section, order) };

    [Fact]
    public void Documents_that_refer_to_each_other_correctly_pass()
    {
        var diagnostics = Check(
            Policy,
            Interpretation("policy"),
            Stage.Document("old") with { Validity = new Validity(ValidityStatus.Repealed, new DateOnly(2020, 1, 1), "policy", null, null) },
            Placed("a", 2019, 1, "市政府文件", 1),
            Placed("b", 2019, 1, "市政府文件", 2),
            Placed("c", 2019, 1, "市政府办公室文件", 1));

        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Interprets_naming_no_document_is_reported_at_the_key_with_a_hint()
    {
        var diagnostics = Check(Policy, Interpretation("polcy"));

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("content/documents/jiedu.md:10:1: GZ0204", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("did you mean 'policy'?", error.Hint);
    }

    [Fact]
    public void A_document_that_interprets_itself_is_reported()
    {
        Assert.Equal(["content/documents/jiedu.md:10:1: GZ0211"], Stage.Summary(Check(Interpretation("jiedu"))));
    }

    [Fact]
    public void A_public_document_that_refers_to_a_withheld_one_is_reported()
    {
        var diagnostics = Check(Policy with { Disclosure = Disclosure.Withheld, DisclosureReason = "涉密" }, Interpretation("policy"));

        Assert.Equal(["content/documents/jiedu.md:10:1: GZ0205"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_withheld_document_may_refer_to_another_withheld_one()
    {
        var withheld = Interpretation("policy") with { Disclosure = Disclosure.Withheld, DisclosureReason = "涉密" };

        Assert.Empty(Check(Policy with { Disclosure = Disclosure.OnRequest, DisclosureReason = "内部" }, withheld).Items);
    }

    [Fact]
    public void Amended_by_naming_no_document_is_reported_at_validity()
    {
        var amended = Stage.Document("old").At("validity", 12) with
        {
            Validity = new Validity(ValidityStatus.Amended, new DateOnly(2020, 1, 1), null, "newer", null),
        };

        Assert.Equal(["content/documents/old.md:12:1: GZ0204"], Stage.Summary(Check(amended)));
    }

    [Fact]
    public void A_duplicate_id_is_reported_on_the_second_document_naming_the_first()
    {
        var first = Stage.Document("tongzhi") with { Source = new SourceLocation("content/documents/2019/tongzhi.md") };
        var second = Stage.Document("tongzhi") with { Source = new SourceLocation("content/documents/2020/tongzhi.md") };

        var error = Assert.Single(Check(first, second).Items);

        Assert.Equal("content/documents/2020/tongzhi.md:1:1: GZ0301", $"{error.Location}: {error.Code.Id}");
        Assert.Contains("content/documents/2019/tongzhi.md", error.Message);
    }

    [Fact]
    public void A_placement_in_an_issue_that_does_not_exist_is_reported()
    {
        var error = Assert.Single(Check(Placed("a", 2019, 2, "市政府文件", 1)).Items);

        Assert.Equal("content/documents/a.md:11:1: GZ0206", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("create content/gazettes/2019/2.yml or correct 'gazette'", error.Hint);
    }

    [Fact]
    public void A_placement_in_a_section_the_issue_lacks_is_reported_with_a_hint()
    {
        var error = Assert.Single(Check(Placed("a", 2019, 1, "市政府办公厅文件", 1)).Items);

        Assert.Equal("content/documents/a.md:11:1: GZ0207", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("did you mean '市政府办公室文件'?", error.Hint);
    }

    [Fact]
    public void Two_documents_in_one_place_are_reported_on_the_second()
    {
        var diagnostics = Check(Placed("a", 2019, 1, "市政府文件", 1), Placed("b", 2019, 1, "市政府文件", 1));

        Assert.Equal(["content/documents/b.md:11:1: GZ0208"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_withheld_document_in_the_gazette_is_reported()
    {
        var withheld = Placed("a", 2019, 1, "市政府文件", 1) with { Disclosure = Disclosure.Withheld, DisclosureReason = "涉密" };

        Assert.Equal(["content/documents/a.md:11:1: GZ0205"], Stage.Summary(Check(withheld)));
    }

    private static Document RepealedBy(string id, string successor) =>
        Stage.Document(id).At("validity.repealed_by", 10) with { Validity = new Validity(ValidityStatus.Repealed, new DateOnly(2020, 1, 1), successor, null, null) };

    [Fact]
    public void A_long_chain_of_repeals_without_a_cycle_passes()
    {
        var chain = Enumerable.Range(0, 50_000).Select(i => RepealedBy($"d{i}", $"d{i + 1}")).Append(Stage.Document("d50000")).ToArray();

        Assert.Empty(Check(chain).Items);
    }

    [Fact]
    public void A_cycle_at_the_end_of_a_long_chain_is_reported_at_its_members_only()
    {
        var chain = Enumerable.Range(0, 50_000).Select(i => RepealedBy($"d{i}", $"d{i + 1}")).Append(RepealedBy("d50000", "d49999")).ToArray();

        Assert.Equal(["content/documents/d49999.md:10:1: GZ0212", "content/documents/d50000.md:10:1: GZ0212"], Stage.Summary(Check(chain)));
    }

    [Fact]
    public void Two_separate_cycles_are_reported_each_with_its_own_chain()
    {
        var diagnostics = Check(RepealedBy("a", "b"), RepealedBy("b", "a"), RepealedBy("x", "y"), RepealedBy("y", "z"), RepealedBy("z", "x"));

        Assert.Equal(
            ["the repeal chain a → b → a forms a cycle", "the repeal chain a → b → a forms a cycle",
             "the repeal chain x → y → z → x forms a cycle", "the repeal chain x → y → z → x forms a cycle", "the repeal chain x → y → z → x forms a cycle"],
            diagnostics.Items.Select(d => d.Message));
    }

    [Fact]
    public void A_cycle_of_twenty_thousand_documents_is_reported_at_each_with_the_chain_shortened()
    {
        var cycle = Enumerable.Range(0, 20_000).Select(i => RepealedBy($"d{i}", $"d{(i + 1) % 20_000}")).ToArray();

        var diagnostics = Check(cycle);

        Assert.Equal(20_000, diagnostics.Items.Count);
        Assert.Equal("the repeal chain d0 → d1 → d2 → d3 → d4 → d5 → d6 → d7 → … (20000 documents) → d0 forms a cycle", diagnostics.Items[0].Message);
    }
}
