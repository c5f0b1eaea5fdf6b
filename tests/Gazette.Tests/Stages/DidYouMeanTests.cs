using Gazette.Diagnostics;

namespace Gazette.Tests.Stages;

public sealed class DidYouMeanTests
{
    [Fact]
    public void The_closest_candidate_is_suggested()
    {
        Assert.Equal("title", DidYouMean.Suggest("titel", ["id", "title", "summary", "topic"]));
    }

    [Fact]
    public void Chinese_words_are_compared_character_by_character()
    {
        Assert.Equal("综合政务", DidYouMean.Suggest("综合政物", ["国务院组织机构", "综合政务", "财政、金融、审计"]));
    }

    [Fact]
    public void Nothing_is_suggested_when_no_candidate_is_close()
    {
        Assert.Null(DidYouMean.Suggest("colour", ["title", "summary"]));
        Assert.Null(DidYouMean.Suggest("title", []));
    }

    [Fact]
    public void Longer_words_allow_more_edits()
    {
        // Three edits each: allowed for a ten-letter word (limit 10 / 3 = 3), not for a six-letter one (limit 2).
        Assert.Equal("publisher", DidYouMean.Suggest("publishxyz", ["publisher"]));
        Assert.Null(DidYouMean.Suggest("abcxyz", ["abcdef"]));
    }

    [Fact]
    public void Two_equally_close_candidates_give_no_suggestion()
    {
        Assert.Null(DidYouMean.Suggest("cat", ["hat", "bat"]));
        Assert.Equal("bat", DidYouMean.Suggest("cat", ["bat", "bat"]));
    }

    [Fact]
    public void The_hint_is_phrased_as_a_question()
    {
        Assert.Equal("did you mean 'summary'?", DidYouMean.Hint("summery", ["title", "summary"]));
        Assert.Null(DidYouMean.Hint("zzzzzz", ["title"]));
    }
}
