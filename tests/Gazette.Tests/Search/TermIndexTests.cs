using Gazette.Search;

namespace Gazette.Tests.Search;

public sealed class TermIndexTests
{
    private static readonly string[] Texts = ["乡村振兴战略", "推进PPP项目", "𠀀字乡村", "2019年乡村", "ＰＰＰ"];

    private static Dictionary<string, List<int>> Decode(TermIndex index) =>
        index.Terms().ToDictionary(t => t.Term, t =>
        {
            var bytes = index.Encode(t.Slot);
            var offset = 0;
            return Posting.Decode(bytes, ref offset);
        });

    [Fact]
    public void Ranges_indexed_apart_and_appended_equal_one_index_of_all_documents()
    {
        var whole = new TermIndex();
        var first = new TermIndex();
        var second = new TermIndex();
        for (var id = 0; id < Texts.Length; id++)
        {
            whole.AddText(Texts[id], id);
            (id < 2 ? first : second).AddText(Texts[id], id);
        }

        first.Append(second);
        var expected = Decode(whole);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Decode(first).Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Equal(e.Value, Decode(first)[e.Key]));
        Assert.Equal([0, 2, 3], expected["乡村"]);
        Assert.Equal([1, 4], expected["ppp"]);
        Assert.Equal([2], expected["𠀀字"]);
    }

    [Fact]
    public void The_terms_are_those_of_the_tokenizer()
    {
        var index = new TermIndex();
        index.AddText(Texts[0], 0);
        Assert.Equal(Tokenizer.IndexTerms(Texts[0]).Order(StringComparer.Ordinal), index.Terms().Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.Equal(1, index.CountOf(index.Find("振兴")));
        Assert.Equal(-1, index.Find("兴乡"));
    }
}
