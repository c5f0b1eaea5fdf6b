using Gazette.Model;

namespace Gazette.Tests.Stages;

/// <summary>A document's legal form: as written, else derived from its genre (<see cref="SiteConfiguration.LegalFormOf"/>).</summary>
public sealed class LegalFormTests
{
    [Theory]
    [InlineData("tongzhi", LegalForm.Normative)]
    [InlineData("banfa", LegalForm.Normative)]
    [InlineData("mingling", LegalForm.Normative)]
    [InlineData("fangan", LegalForm.Other)]
    [InlineData("zhengce-jiedu", LegalForm.Other)]
    [InlineData("han", LegalForm.Other)]
    public void A_document_without_legal_form_is_a_normative_document_when_its_genre_is_a_policy_genre(string genre, LegalForm expected)
    {
        Assert.Equal(expected, Stage.Config().LegalFormOf(Stage.Document("a") with { Genre = genre }));
    }

    [Fact]
    public void A_written_legal_form_overrides_the_genre()
    {
        var config = Stage.Config();

        Assert.Equal(LegalForm.Rules, config.LegalFormOf(Stage.Document("a") with { Genre = "banfa", LegalForm = LegalForm.Rules }));
        Assert.Equal(LegalForm.Other, config.LegalFormOf(Stage.Document("b") with { Genre = "tongzhi", LegalForm = LegalForm.Other }));
        Assert.Equal(LegalForm.Normative, config.LegalFormOf(Stage.Document("c") with { Genre = "fangan", LegalForm = LegalForm.Normative }));
    }

    [Fact]
    public void A_site_that_redefines_a_genre_without_policy_changes_the_default()
    {
        var config = Stage.Config(("content/genres.yml", "- {id: tongzhi, name: 通知, policy: false}\n"));

        Assert.Equal(LegalForm.Other, config.LegalFormOf(Stage.Document("a") with { Genre = "tongzhi" }));
    }
}
