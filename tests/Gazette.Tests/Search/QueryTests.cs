using Gazette.Search;

namespace Gazette.Tests.Search;

public sealed class QueryTests
{
    [Fact]
    public void Words_and_quoted_phrases_become_separate_clauses()
    {
        var query = SearchQuery.Parse("乡村振兴 “政务公开工作” PPP项目 \"新旧动能\"");
        Assert.Equal(
            ["乡村振兴:word", "政务公开工作:phrase", "ppp项目:word", "新旧动能:phrase"],
            query.Clauses.Select(c => c.Text + (c.IsPhrase ? ":phrase" : ":word")));
    }

    [Fact]
    public void An_unclosed_quote_is_read_as_an_ordinary_word()
    {
        var query = SearchQuery.Parse("\"乡村振兴");
        Assert.Single(query.Clauses);
        Assert.False(query.Clauses[0].IsPhrase);
        Assert.Equal(["乡村", "村振", "振兴"], query.Terms);
    }

    [Fact]
    public void Full_width_spaces_separate_words()
    {
        Assert.Equal(2, SearchQuery.Parse("政务公开　工作要点").Clauses.Count);
    }

    [Fact]
    public void Punctuation_alone_gives_no_clause()
    {
        Assert.Empty(SearchQuery.Parse("， 。 ！").Clauses);
    }
}
