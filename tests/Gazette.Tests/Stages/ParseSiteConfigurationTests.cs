using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Stages;

public sealed class ParseSiteConfigurationTests
{
    private static (SiteConfiguration Config, DiagnosticBag Diagnostics) Parse(params (string Path, string Text)[] files)
    {
        var diagnostics = new DiagnosticBag();
        return (new ParseSiteConfiguration().Run(Stage.Content(files), diagnostics), diagnostics);
    }

    private static (string, string) SiteYml(string extra = "") =>
        ("content/site.yml", "name: 测试公报\nbase_url: https://example.gov.cn/\npublisher: 测试市人民政府办公室\n" + extra);

    private static readonly (string, string) Organs = ("content/organs.yml", TestSite.DefaultOrgans);

    [Fact]
    public void A_minimal_site_gets_the_defaults()
    {
        var (config, diagnostics) = Parse(SiteYml(), Organs);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new Site("测试公报", "https://example.gov.cn/", "zh-CN", "测试市人民政府办公室", null, 20), config.Site);
        Assert.Empty(config.Catalogue);
    }

    [Fact]
    public void Base_url_gets_a_trailing_slash_and_its_path_is_the_base_path()
    {
        var (config, diagnostics) = Parse(
            ("content/site.yml", "name: 公报\nbase_url: https://x.gov.cn/gongbao\npublisher: 某市\n"), Organs);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("https://x.gov.cn/gongbao/", config.Site.BaseUrl);
        Assert.Equal("/gongbao/", config.Site.BasePath);
    }

    [Theory]
    [InlineData("0", false, 20)]
    [InlineData("1", true, 1)]
    [InlineData("1000", true, 1000)]
    [InlineData("1001", false, 20)]
    public void Page_size_must_be_between_1_and_1000(string value, bool valid, int expected)
    {
        var (config, diagnostics) = Parse(SiteYml("page_size: " + value + "\n"), Organs);

        Assert.Equal(expected, config.Site.PageSize);
        Assert.Equal(valid ? [] : ["content/site.yml:4:12: GZ0105"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void The_national_topics_are_used_when_there_is_no_topics_yml()
    {
        var (config, _) = Parse(SiteYml(), Organs);

        Assert.Equal(22, config.Topics.Count);
        Assert.Equal(new Topic("zonghe-zhengwu", "综合政务", null), config.FindTopic("综合政务"));
        Assert.Same(config.FindTopic("综合政务"), config.FindTopic("zonghe-zhengwu"));
        Assert.Equal("卫生、体育", config.FindTopic("weisheng-tiyu")!.Name);
    }

    [Fact]
    public void A_site_topics_yml_replaces_the_national_list_and_names_children_by_path()
    {
        var (config, diagnostics) = Parse(SiteYml(), Organs, ("content/topics.yml", """
            - id: weisheng-tiyu
              name: 卫生、体育
              children:
                - {id: yiyao-guanli, name: 医药管理}
            """));

        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            [new Topic("weisheng-tiyu", "卫生、体育", null), new Topic("yiyao-guanli", "卫生、体育\\医药管理", "weisheng-tiyu")],
            config.Topics);
        Assert.Equal("yiyao-guanli", config.FindTopic("卫生、体育\\医药管理")!.Id);
        Assert.Equal("医药管理", config.FindTopic("yiyao-guanli")!.ShortName);
        Assert.Null(config.FindTopic("综合政务"));
    }

    [Fact]
    public void Site_genres_extend_the_built_in_list_and_replace_a_genre_with_the_same_id()
    {
        var (config, diagnostics) = Parse(SiteYml(), Organs, ("content/genres.yml", """
            - {id: zhaobiao-gonggao, name: 招标公告}
            - {id: tongzhi, name: 通知, aliases: [通知书]}
            """));

        Assert.Empty(diagnostics.Items);
        Assert.Equal("yijian", config.FindGenre("意见")!.Id);
        Assert.Equal("zhaobiao-gonggao", config.FindGenre("招标公告")!.Id);
        Assert.Equal("tongzhi", config.FindGenre("通知书")!.Id);
        Assert.Single(config.Genres, g => g.Id == "tongzhi");
        Assert.Equal("zhaobiao-gonggao", config.Genres[^2].Id);
    }

    [Fact]
    public void Built_in_genres_know_aliases_and_interpretations()
    {
        var (config, _) = Parse(SiteYml(), Organs);

        var jiedu = config.FindGenre("解读");
        Assert.NotNull(jiedu);
        Assert.Equal("zhengce-jiedu", jiedu.Id);
        Assert.True(jiedu.IsInterpretation);
        Assert.False(config.FindGenre("通知")!.IsInterpretation);
        Assert.Equal("mingling", config.FindGenre("令")!.Id);
    }

    [Fact]
    public void Organs_default_their_short_name_to_the_name_and_may_lack_a_code()
    {
        var (config, _) = Parse(SiteYml(), ("content/organs.yml", "- {id: city-gov, name: 测试市人民政府}\n"));

        Assert.Equal([new Organ("city-gov", "测试市人民政府", "测试市人民政府", null)], config.Organs);
    }

    [Fact]
    public void Catalogue_entries_nest_and_are_found_at_any_depth()
    {
        var (config, diagnostics) = Parse(SiteYml(), Organs, ("content/catalogue.yml", """
            - id: policy
              name: 政策文件
              subject: 市政府办公室
              time_limit: 20个工作日内
              method: 政府网站
              children:
                - {id: regulations, name: 规范性文件, period: yearly}
            """));

        Assert.Empty(diagnostics.Items);
        var policy = Assert.Single(config.Catalogue);
        Assert.Equal(("市政府办公室", "20个工作日内", "政府网站"), (policy.Subject, policy.TimeLimit, policy.Method));
        Assert.Equal("yearly", config.FindEntry("regulations")!.Period);
        Assert.Same(policy.Children[0], config.FindEntry("regulations"));
    }

    [Fact]
    public void An_unknown_period_is_reported_with_a_hint()
    {
        var (_, diagnostics) = Parse(SiteYml(), Organs, ("content/catalogue.yml", "- {id: stats, name: 统计, period: montly}\n"));

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("content/catalogue.yml:1:33: GZ0105", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("did you mean 'monthly'?", error.Hint);
    }

    [Fact]
    public void A_site_without_organs_yml_is_reported()
    {
        var (config, diagnostics) = Parse(SiteYml());

        Assert.Empty(config.Organs);
        Assert.Equal(["content/organs.yml:1:1: GZ0002"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Organs_yml_must_be_a_list()
    {
        var (_, diagnostics) = Parse(SiteYml(), ("content/organs.yml", "city-gov: 测试市人民政府\n"));

        Assert.Equal(["content/organs.yml:1:1: GZ0104"], Stage.Summary(diagnostics));
    }
}
