using Gazette.Content;

namespace Gazette.Tests.Stages;

public sealed class FrontMatterTests
{
    [Fact]
    public void Front_matter_is_split_into_YAML_and_body_with_the_body_line()
    {
        const string text = "---\ntitle: 通知\nissuers: city-office\n---\n\n正文。\n";
        var (result, problem) = FrontMatter.Split(text);

        Assert.Equal(FrontMatter.Problem.None, problem);
        Assert.NotNull(result);
        Assert.Equal("title: 通知\nissuers: city-office\n", result.Yaml);
        Assert.Equal("\n正文。\n", text[result.BodyStart..]);
        Assert.Equal(5, result.BodyLine);
    }

    [Fact]
    public void The_YAML_starts_on_line_two_of_the_file()
    {
        Assert.Equal(1, FrontMatter.YamlLineOffset);
    }

    [Fact]
    public void Three_dots_also_close_the_front_matter()
    {
        const string text = "---\ntitle: 通知\n...\n正文\n";
        var (result, problem) = FrontMatter.Split(text);

        Assert.Equal(FrontMatter.Problem.None, problem);
        Assert.Equal("title: 通知\n", result!.Yaml);
        Assert.Equal("正文\n", text[result.BodyStart..]);
        Assert.Equal(4, result.BodyLine);
    }

    [Fact]
    public void A_closing_line_with_trailing_spaces_still_closes()
    {
        const string text = "---\ntitle: 通知\n---   \n正文\n";
        var (result, _) = FrontMatter.Split(text);

        Assert.Equal("正文\n", text[result!.BodyStart..]);
    }

    [Fact]
    public void A_closing_line_at_the_end_of_the_file_gives_an_empty_body()
    {
        var (result, problem) = FrontMatter.Split("---\ntitle: 通知\n---");

        Assert.Equal(FrontMatter.Problem.None, problem);
        Assert.Equal("---\ntitle: 通知\n---".Length, result!.BodyStart);
        Assert.Equal(4, result.BodyLine);
    }

    [Fact]
    public void Empty_front_matter_splits_into_empty_YAML()
    {
        var (result, _) = FrontMatter.Split("---\n---\n正文\n");

        Assert.Equal("", result!.Yaml);
        Assert.Equal(3, result.BodyLine);
    }

    [Fact]
    public void A_dashed_line_in_the_body_stays_in_the_body()
    {
        const string text = "---\na: 1\n---\n甲\n---\n乙\n";
        var (result, _) = FrontMatter.Split(text);

        Assert.Equal("a: 1\n", result!.Yaml);
        Assert.Equal("甲\n---\n乙\n", text[result.BodyStart..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: 通知\n---\n")]
    [InlineData("----\ntitle: 通知\n---\n")]
    [InlineData("\n---\ntitle: 通知\n---\n")]
    public void Text_that_does_not_start_with_a_dashed_line_has_no_front_matter(string text)
    {
        var (result, problem) = FrontMatter.Split(text);

        Assert.Null(result);
        Assert.Equal(FrontMatter.Problem.Missing, problem);
    }

    [Theory]
    [InlineData("---")]
    [InlineData("---\ntitle: 通知\n")]
    [InlineData("---\ntitle: 通知\n正文\n")]
    public void Front_matter_without_a_closing_line_is_unclosed(string text)
    {
        var (result, problem) = FrontMatter.Split(text);

        Assert.Null(result);
        Assert.Equal(FrontMatter.Problem.Unclosed, problem);
    }

    [Fact]
    public void An_opening_line_with_one_trailing_space_is_accepted()
    {
        var (result, problem) = FrontMatter.Split("--- \ntitle: 通知\n---\n");

        Assert.Equal(FrontMatter.Problem.None, problem);
        Assert.Equal("title: 通知\n", result!.Yaml);
    }
}
