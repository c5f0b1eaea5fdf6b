using System.Text.Json;
using Gazette.Rendering;
using Gazette.Tests.Support;

namespace Gazette.Tests.Search;

/// <summary>The shared vectors in tests/vectors/page-text.json: the text the build indexes and the search page reads from a page.</summary>
public sealed class PageTextTests
{
    public sealed record Vector(string Name, string Page, string? Text)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Vector> Vectors()
    {
        var json = File.ReadAllText(Path.Combine(Repository.Root, "tests", "vectors", "page-text.json"));
        var data = new TheoryData<Vector>();
        foreach (var vector in JsonSerializer.Deserialize<Vector[]>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
        {
            data.Add(vector);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_text_of_a_page_is_the_shared_expected_one(Vector vector) => Assert.Equal(vector.Text, PageText.Of(vector.Page));

    [Fact]
    public void A_body_marked_and_read_back_gives_the_text_of_its_HTML()
    {
        const string html = "<h2 id=\"一\">第一条</h2>\n<p>为了规范&amp;保障，制定本办法。</p>\n";

        Assert.Equal(PageText.FromHtml(html), PageText.Of("<main>" + PageText.Mark(html) + "</main>"));
        Assert.Equal("第一条\n为了规范&保障，制定本办法。\n", PageText.FromHtml(html));
    }
}
