using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class SelectPublicDocumentsTests
{
    [Fact]
    public void Only_public_documents_are_kept_in_id_order()
    {
        var documents = new[]
        {
            Stage.Document("b-2"),
            Stage.Document("secret") with { Disclosure = Disclosure.Withheld, DisclosureReason = "涉密" },
            Stage.Document("a"),
            Stage.Document("internal") with { Disclosure = Disclosure.OnRequest, DisclosureReason = "内部事务" },
            Stage.Document("b-10"),
        };

        var published = new SelectPublicDocuments().Run(documents);

        Assert.Equal(["a", "b-10", "b-2"], published.Select(d => d.Id));
    }

    [Fact]
    public void A_site_of_withheld_documents_publishes_nothing()
    {
        var published = new SelectPublicDocuments().Run([Stage.Document("a") with { Disclosure = Disclosure.Withheld }]);

        Assert.Empty(published);
    }
}
