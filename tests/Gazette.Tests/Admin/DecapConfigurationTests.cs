using System.Text.RegularExpressions;
using Gazette.Admin;
using Gazette.Content;
using Gazette.Pipeline;
using Gazette.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Gazette.Tests.Admin;

/// <summary>The administration page's config.yml, parsed back, and its agreement with the schema and docs/content.md.</summary>
public sealed partial class DecapConfigurationTests
{
    private const string Site = """
        -- content/site.yml --
        name: 测试公报
        base_url: https://example.gov.cn/
        publisher: 测试市人民政府办公室
        admin: {backend: github, repo: example-city/gazette, branch: publish, local_backend: true}
        -- content/topics.yml --
        - {id: zonghe, name: 综合政务}
        - {id: weisheng, name: 卫生、体育, children: [{id: yiyao, name: 医药管理}]}
        -- content/catalogue.yml --
        - {id: policies, name: 政策文件, children: [{id: rules, name: 规章}]}
        """;

    [Fact]
    public void The_document_collection_offers_every_field_with_its_label_requirement_and_widget()
    {
        var config = BuildConfig(Site);
        var documents = Collection(config, DecapConfiguration.DocumentsCollection);
        Assert.Equal("content/documents", Text(documents, "folder"));
        Assert.Equal("{{year}}/{{slug}}", Text(documents, "path"));
        Assert.Equal("yaml-frontmatter", Text(documents, "format"));
        Assert.Equal("md", Text(documents, "extension"));
        Assert.Equal("", Text(documents, "media_folder"));

        var fields = Fields(documents);
        AssertField(fields["title"], "标题", "string", required: true);
        AssertField(fields["doc_number"], "发文字号", "string", required: false);
        AssertField(fields["summary"], "内容概述", "text", required: false);
        AssertField(fields["draft"], "草稿", "boolean", required: false);
        Assert.Equal("true", Text(fields["draft"], "default"));
        AssertField(fields["body"], "正文", "markdown", required: false);

        AssertField(fields["written"], "成文日期", "datetime", required: true);
        Assert.Equal(("YYYY-MM-DD", "YYYY-MM-DD", "false"), (Text(fields["written"], "format"), Text(fields["written"], "date_format"), Text(fields["written"], "time_format")));
        AssertField(fields["published"], "发布日期", "datetime", required: true);

        AssertField(fields["issuers"], "发布机构", "select", required: true);
        Assert.Equal("true", Text(fields["issuers"], "multiple"));
        Assert.Equal([("测试市人民政府", "city-gov"), ("测试市人民政府办公室", "city-office"), ("没有代码的机构", "no-code")], Options(fields["issuers"]));

        AssertField(fields["topic"], "主题分类", "select", required: true);
        Assert.Equal([("综合政务", "综合政务"), ("卫生、体育", "卫生、体育"), ("卫生、体育\\医药管理", "卫生、体育\\医药管理")], Options(fields["topic"]));
        AssertField(fields["genre"], "文种", "select", required: true);
        Assert.Contains(("政策解读", "政策解读"), Options(fields["genre"]));
        AssertField(fields["catalogue"], "主动公开基本目录", "select", required: false);
        Assert.Equal([("政策文件", "policies"), ("规章", "rules")], Options(fields["catalogue"]));

        AssertField(fields["disclosure"], "公开属性", "select", required: true);
        Assert.Equal(["主动公开", "依申请公开", "不予公开"], Values(fields["disclosure"]));
        Assert.Equal("主动公开", Text(fields["disclosure"], "default"));
        Assert.Equal(["规章", "行政规范性文件", "其他"], Values(fields["legal_form"]));
        Assert.Equal(["去标识化", "已审核"], Values(fields["privacy"]));

        AssertField(fields["interprets"], "解读对象", "string", required: false);
        Assert.Equal("^[a-z0-9]+(-[a-z0-9]+)*$", ((YamlScalarNode)((YamlSequenceNode)fields["interprets"]["pattern"]).Children[0]).Value);

        AssertField(fields["validity"], "有效性", "object", required: false);
        var validity = Fields(fields["validity"]);
        Assert.Equal(["status", "date", "repealed_by", "amended_by", "note"], validity.Keys);
        AssertField(validity["status"], "状态", "select", required: true);
        Assert.Equal(["有效", "失效", "废止", "已修改"], Values(validity["status"]));
        AssertField(validity["date"], "失效、废止或修改日期", "datetime", required: false);

        AssertField(fields["gazette"], "刊登公报", "object", required: false);
        var gazette = Fields(fields["gazette"]);
        AssertField(gazette["issue"], "期号", "number", required: true);
        Assert.Equal("int", Text(gazette["issue"], "value_type"));

        AssertField(fields["attachments"], "附件", "list", required: false);
        var attachment = Fields(fields["attachments"]);
        AssertField(attachment["file"], "文件", "file", required: true);
        AssertField(attachment["title"], "附件名称", "string", required: false);
    }

    [Fact]
    public void The_issue_collection_offers_every_field_of_an_issue_file()
    {
        var config = BuildConfig(Site);
        var issues = Collection(config, DecapConfiguration.IssuesCollection);
        Assert.Equal(("content/gazettes", "{{year}}/{{fields.issue}}", "yml", "yaml"),
            (Text(issues, "folder"), Text(issues, "path"), Text(issues, "extension"), Text(issues, "format")));

        var fields = Fields(issues);
        Assert.Equal(["issue", "total", "date", "title", "sections"], fields.Keys);
        AssertField(fields["issue"], "期号", "number", required: true);
        AssertField(fields["total"], "总期号", "number", required: false);
        AssertField(fields["date"], "出版日期", "datetime", required: true);
        AssertField(fields["title"], "标题", "string", required: false);
        AssertField(fields["sections"], "栏目", "list", required: true);
        Assert.Equal("string", Text((YamlMappingNode)fields["sections"]["field"], "widget"));
    }

    [Fact]
    public void The_backend_comes_from_site_yml()
    {
        var config = BuildConfig(Site);

        var backend = (YamlMappingNode)config["backend"];
        Assert.Equal(("github", "example-city/gazette", "publish"), (Text(backend, "name"), Text(backend, "repo"), Text(backend, "branch")));
        Assert.Equal("true", Text(config, "local_backend"));
        Assert.Equal("zh_Hans", Text(config, "locale"));
    }

    [Fact]
    public void The_login_screen_shows_the_sites_emblem_published_with_the_assets()
    {
        using var site = new TestSite("");
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));
        site.BuildSuccessfully();
        var stream = new YamlStream();
        stream.Load(new StringReader(site.ReadOutput("admin/config.yml")));

        var logo = Text((YamlMappingNode)stream.Documents.Single().RootNode, "logo_url");
        Assert.Matches(@"^/assets/emblem\.[0-9a-f]{10}\.svg$", logo);
        Assert.True(site.OutputExists(logo.TrimStart('/')));
    }

    [Fact]
    public void Without_admin_settings_the_page_uses_git_gateway_on_main_and_no_local_backend()
    {
        var config = BuildConfig("");

        var backend = (YamlMappingNode)config["backend"];
        Assert.Equal(("git-gateway", "main"), (Text(backend, "name"), Text(backend, "branch")));
        Assert.False(backend.Children.ContainsKey("repo"));
        Assert.Equal("false", Text(config, "local_backend"));
    }

    [Fact]
    public void Every_document_key_docs_content_md_documents_is_in_the_configuration_and_no_other()
    {
        var documented = DocumentedKeys("## documents/**.md — one document");
        var offered = Fields(Collection(BuildConfig(Site), DecapConfiguration.DocumentsCollection)).Keys.Where(k => k != "body");

        // extra: a site's own data of any shape, which no form can describe; Decap leaves it in the file as it is.
        var notInSchema = new[] { FieldReader.ExtraKey };
        Assert.Equal(documented.Except(notInSchema).Order(StringComparer.Ordinal),
            offered.Concat(DecapConfiguration.Excluded.Keys).Order(StringComparer.Ordinal));
        Assert.Contains(FieldReader.ExtraKey, documented); // the exception above is a real one
    }

    [Fact]
    public void Every_issue_key_docs_content_md_documents_is_in_the_configuration_and_no_other()
    {
        var documented = DocumentedKeys("## gazettes/&lt;year&gt;/&lt;n&gt;.yml — one gazette issue");
        var offered = Fields(Collection(BuildConfig(Site), DecapConfiguration.IssuesCollection)).Keys;

        Assert.Equal(documented.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_value_the_page_offers_for_a_choice_is_one_the_reader_takes()
    {
        var readers = new Dictionary<string, IEnumerable<string>>
        {
            ["disclosure"] = ParseDocuments.Disclosures.Keys,
            ["legal_form"] = ParseDocuments.LegalForms.Keys,
            ["privacy"] = ParseDocuments.PrivacyModes.Keys,
            ["status"] = ParseDocuments.Validities.Keys,
        };
        var choices = ContentSchema.Document.Concat(ContentSchema.ValidityFields).Where(f => f.Kind == FieldKind.Choice).ToList();

        Assert.Equal(readers.Keys.Order(), choices.Select(f => f.Key).Order());
        Assert.All(choices, f => Assert.Subset(readers[f.Key].ToHashSet(), f.Values.ToHashSet()));
    }

    /// <summary>Builds a small site with a stand-in Decap package and parses its public/admin/config.yml.</summary>
    private static YamlMappingNode BuildConfig(string files)
    {
        using var site = new TestSite(files);
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));
        site.BuildSuccessfully();
        var stream = new YamlStream();
        stream.Load(new StringReader(site.ReadOutput("admin/config.yml")));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Collection(YamlMappingNode config, string name) =>
        ((YamlSequenceNode)config["collections"]).Children.Cast<YamlMappingNode>().Single(c => Text(c, "name") == name);

    /// <summary>The fields of a collection, object or list widget by name, in their order.</summary>
    private static Dictionary<string, YamlMappingNode> Fields(YamlMappingNode node) =>
        ((YamlSequenceNode)node["fields"]).Children.Cast<YamlMappingNode>().ToDictionary(f => Text(f, "name"), f => f);

    private static void AssertField(YamlMappingNode field, string label, string widget, bool required) =>
        Assert.Equal((label, widget, required ? "true" : "false"), (Text(field, "label"), Text(field, "widget"), Text(field, "required")));

    private static List<(string Label, string Value)> Options(YamlMappingNode field) =>
        ((YamlSequenceNode)field["options"]).Children.Cast<YamlMappingNode>().Select(o => (Text(o, "label"), Text(o, "value"))).ToList();

    private static List<string> Values(YamlMappingNode field) =>
        ((YamlSequenceNode)field["options"]).Children.Cast<YamlScalarNode>().Select(o => o.Value!).ToList();

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    /// <summary>The keys of the table under <paramref name="heading"/> in docs/content.md (rows starting <c>| `key` |</c>).</summary>
    private static List<string> DocumentedKeys(string heading)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "content.md"));
        var start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/content.md has no heading \"{heading}\"");
        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        var keys = KeyRow().Matches(section).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(keys);
        return keys;
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();
}
