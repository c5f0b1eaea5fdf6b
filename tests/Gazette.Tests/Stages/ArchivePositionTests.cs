using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Tests.Stages;

/// <summary>
/// Where each document is in the archive's order, which the listings' keys and dates look up for every entry: right for the
/// archive's own documents, also when a second archive was made of the same ones in another order, and a copy of a document (equal
/// to it) is not taken for it.
/// </summary>
public sealed class ArchivePositionTests
{
    private static (Archive Archive, List<PublishedDocument> Documents) Archive(params int[] days)
    {
        var config = Stage.Config(("content/site.yml", "name: 测试公报\nbase_url: https://example.gov.cn/\npublisher: 测试市人民政府办公室\n"));
        var urls = new SiteUrls(config.Site.BasePath);
        var documents = days.Select(day =>
        {
            var document = Stage.Document($"d{day}") with
            {
                IndexNumber = $"000014350/2019-{day:00000}",
                Written = new DateOnly(2019, 3, day),
                Published = new DateOnly(2019, 3, day),
            };
            return new PublishedDocument(document, document.IndexNumber!, urls.Document(document.IndexNumber!));
        }).ToList();
        return (new Archive(config, urls, documents, []), documents);
    }

    [Fact]
    public void Each_document_is_at_its_place_newest_first()
    {
        var (archive, _) = Archive(3, 1, 5, 2, 4);

        Assert.Equal([0, 1, 2, 3, 4], archive.Documents.Select(archive.IndexOf));
        Assert.Equal(["d5", "d4", "d3", "d2", "d1"], archive.Documents.Select(d => d.Id));
    }

    [Fact]
    public void An_archive_made_of_the_same_documents_in_another_order_leaves_each_its_own_places()
    {
        var (first, documents) = Archive(1, 2, 3);
        var second = new Archive(first.Config, first.Urls, [documents[0], documents[2]], []); // d3, d1: the places change

        Assert.Equal([0, 1, 2], first.Documents.Select(first.IndexOf));
        Assert.Equal([0, 1], second.Documents.Select(second.IndexOf));
        Assert.Equal(2, first.IndexOf(documents[0]));
        Assert.Equal(1, second.IndexOf(documents[0]));
    }

    [Fact]
    public void A_factory_for_listings_makes_each_documents_summary_once_and_equal_to_one_made_anew()
    {
        var (archive, documents) = Archive(1, 2, 3);
        var listings = ViewFactory.ForListings(archive, Search.SearchIndexWriterTests.Strings);
        var plain = new ViewFactory(archive, Search.SearchIndexWriterTests.Strings);

        var first = listings.Summaries(archive.Documents);
        var again = listings.Summaries(archive.Documents.Reverse());

        Assert.Equal(first, archive.Documents.Select(plain.Summary));
        Assert.All(first, summary => Assert.Same(summary, again.Single(s => s.Url == summary.Url)));
        Assert.NotSame(plain.Summary(documents[0]), plain.Summary(documents[0]));
        var copy = documents[0] with { }; // not the archive's own: made anew, the same
        Assert.NotSame(listings.Summary(documents[0]), listings.Summary(copy));
        Assert.Equal(listings.Summary(documents[0]), listings.Summary(copy));
    }

    [Fact]
    public void A_copy_is_equal_to_its_document_but_not_found_in_its_place()
    {
        var (archive, documents) = Archive(1, 2);
        var copy = documents[0] with { };

        Assert.Equal(documents[0], copy);
        Assert.Equal(documents[0].GetHashCode(), copy.GetHashCode());
        Assert.Throws<KeyNotFoundException>(() => archive.IndexOf(copy));
    }

    [Fact]
    public void The_latest_change_of_documents_counts_those_of_another_archive_too()
    {
        var (archive, documents) = Archive(1, 2, 3);
        var (_, others) = Archive(9);

        Assert.Equal(new DateOnly(2019, 3, 3), archive.LastChanged(documents));
        Assert.Equal(new DateOnly(2019, 3, 2), archive.LastChanged(documents.Take(2)));
        Assert.Equal(new DateOnly(2019, 3, 9), archive.LastChanged([.. documents, .. others]));
        Assert.Null(archive.LastChanged([]));
    }
}
