using System.Text;
using System.Text.Json;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>The open data under /data/: the catalogue as CSV and JSON, a file per document and per gazette issue, and its page.</summary>
public sealed class OpenDataTests
{
    private const string Licensed = """
        -- content/site.yml --
        name: 测试公报
        base_url: https://example.gov.cn/
        publisher: 测试市人民政府办公室
        data_licence:
          name: 可免费转载和开发利用，请注明来源
          url: https://example.gov.cn/licence/
        """;

    private const string Issue = """
        -- content/gazettes/2019/1.yml --
        issue: 1
        total: 12
        date: 2019-03-31
        sections: [市政府文件, 市政府办公室文件]
        """;

    [Fact]
    public void The_catalogue_csv_has_a_byte_order_mark_crlf_line_ends_quoted_fields_and_joint_organs_joined_by_the_documented_separator()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于\"放管服\"改革的通知，第一批", "index_number: 000014349/2019-00001", "doc_number: 测府发〔2019〕1号",
                "issuers: [city-gov, city-office]", "validity: {status: 废止, date: 2019-06-01}")}
            -- content/documents/b.md --
            {TestSite.Document("乙通知", "index_number: 000014350/2019-00002", "published: 2019-03-06")}
            """);
        site.BuildSuccessfully();

        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "data/catalogue.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = text.Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two documents, and the empty string after the last CRLF
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("索引号,标题,文号,发布机构,主题分类,文种,法律形式,成文日期,发布日期,有效性,失效/废止/修改日期,公报期次,内容概述,URL,数据URL,文本校验码", lines[0]);
        Assert.StartsWith("000014350/2019-00002,乙通知,,测试市人民政府办公室,综合政务,通知,", lines[1]); // newest first
        Assert.StartsWith("000014349/2019-00001,\"关于\"\"放管服\"\"改革的通知，第一批\",测府发〔2019〕1号,测试市人民政府；测试市人民政府办公室,", lines[2]);
        Assert.Contains(",废止,2019-06-01,,内容概述。,https://example.gov.cn/documents/000014349/2019-00001/,https://example.gov.cn/data/documents/000014349/2019-00001.json,", lines[2]);
    }

    [Fact]
    public void The_catalogue_json_and_each_documents_file_hold_the_same_record_with_the_text_hash_its_page_shows()
    {
        using var site = new TestSite($"""
            {Licensed}
            {Issue}
            -- content/documents/policy.md --
            {TestSite.Document("关于某项政策的通知", "index_number: 000014350/2019-00010", "doc_number: 测府办发〔2019〕3号",
                "gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 1}")}
            -- content/documents/jiedu.md --
            {TestSite.Document("《关于某项政策的通知》解读", "index_number: 000014350/2019-00011", "genre: 政策解读", "interprets: policy", "summary: -")}
            """);
        site.BuildSuccessfully();

        using var catalogue = JsonDocument.Parse(site.ReadOutput("data/catalogue.json"));
        var root = catalogue.RootElement;
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        Assert.Equal("可免费转载和开发利用，请注明来源", root.GetProperty("licence").GetProperty("name").GetString());
        Assert.Equal("2019-03-05", root.GetProperty("data_date").GetString());
        Assert.Equal(2, root.GetProperty("document_count").GetInt32());
        var policy = root.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("index_number").GetString() == "000014350/2019-00010");
        Assert.Equal("测府办发〔2019〕3号", policy.GetProperty("doc_number").GetString());
        Assert.Equal("测试市人民政府办公室", policy.GetProperty("organs")[0].GetProperty("name").GetString());
        Assert.Equal("city-office", policy.GetProperty("organs")[0].GetProperty("id").GetString());
        Assert.Equal("行政规范性文件", policy.GetProperty("legal_form").GetString());
        Assert.Equal("2019-03-01", policy.GetProperty("written").GetString());
        Assert.Equal("有效", policy.GetProperty("validity").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, policy.GetProperty("validity").GetProperty("date").ValueKind);
        Assert.Equal(12, policy.GetProperty("gazette").GetProperty("total").GetInt32());
        Assert.Equal("市政府办公室文件", policy.GetProperty("gazette").GetProperty("section").GetString());
        Assert.Equal("https://example.gov.cn/documents/000014350/2019-00010/", policy.GetProperty("url").GetString());
        var hash = policy.GetProperty("text_sha256").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Contains(hash, site.ReadOutput("documents/000014350/2019-00010/index.html"));

        var jiedu = root.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("index_number").GetString() == "000014350/2019-00011");
        Assert.Equal(JsonValueKind.Null, jiedu.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKind.Null, jiedu.GetProperty("gazette").ValueKind);
        Assert.Equal("000014350/2019-00010", jiedu.GetProperty("interprets").GetProperty("index_number").GetString());

        using var own = JsonDocument.Parse(site.ReadOutput("data/documents/000014350/2019-00010.json"));
        Assert.Equal(1, own.RootElement.GetProperty("schema_version").GetInt32());
        foreach (var field in policy.EnumerateObject())
        {
            Assert.Equal(field.Value.GetRawText(), own.RootElement.GetProperty(field.Name).GetRawText());
        }
    }

    [Fact]
    public void Each_gazette_issue_has_its_contents_as_json_with_sections_in_printed_order()
    {
        using var site = new TestSite($"""
            {Issue}
            -- content/documents/b.md --
            {TestSite.Document("乙号办公室文件", "gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 2}")}
            -- content/documents/a.md --
            {TestSite.Document("甲号办公室文件", "gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 1}")}
            -- content/documents/c.md --
            {TestSite.Document("丙号政府文件", "issuers: city-gov", "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1}")}
            """);
        site.BuildSuccessfully();

        using var issue = JsonDocument.Parse(site.ReadOutput("data/gazette/2019/1.json"));
        var root = issue.RootElement;
        Assert.Equal(2019, root.GetProperty("year").GetInt32());
        Assert.Equal(1, root.GetProperty("issue").GetInt32());
        Assert.Equal("2019-03-31", root.GetProperty("date").GetString());
        Assert.Equal("https://example.gov.cn/gazette/2019/1/", root.GetProperty("url").GetString());
        var sections = root.GetProperty("sections").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString() + ": " + string.Join(", ", s.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString())))
            .ToList();
        Assert.Equal(["市政府文件: 丙号政府文件", "市政府办公室文件: 甲号办公室文件, 乙号办公室文件"], sections);

        using var list = JsonDocument.Parse(site.ReadOutput("data/gazette.json"));
        var only = Assert.Single(list.RootElement.GetProperty("issues").EnumerateArray().ToList());
        Assert.Equal(3, only.GetProperty("document_count").GetInt32());
        Assert.Equal("https://example.gov.cn/data/gazette/2019/1.json", only.GetProperty("data_url").GetString());
    }

    [Fact]
    public void The_data_page_states_the_licence_of_site_yml_and_every_page_links_to_it_from_the_footer()
    {
        using var site = new TestSite($"""
            {Licensed}
            -- content/documents/a.md --
            {TestSite.Document("通知")}
            """);
        site.BuildSuccessfully();

        var page = site.ReadOutput("data/index.html");
        Assert.Contains("<a href=\"https://example.gov.cn/licence/\" rel=\"license\">可免费转载和开发利用，请注明来源</a>", page);
        Assert.Contains("href=\"/data/catalogue.csv\"", page);
        Assert.Contains("<code>validity.repealed_by</code>", page);
        Assert.Contains("<th scope=\"row\">失效/废止/修改日期</th><td><code>validity.date</code></td>", page);
        Assert.Contains("<a href=\"/data/\">开放数据</a>", site.ReadOutput("index.html"));
        Assert.Contains("<a href=\"/data/\">开放数据</a>", site.ReadOutput("catalogue/index.html"));
    }

    [Fact]
    public void Without_a_licence_in_site_yml_the_data_says_none_was_stated()
    {
        using var site = new TestSite($"-- content/documents/a.md --\n{TestSite.Document("通知")}");
        site.BuildSuccessfully();

        using var catalogue = JsonDocument.Parse(site.ReadOutput("data/catalogue.json"));
        Assert.Equal(JsonValueKind.Null, catalogue.RootElement.GetProperty("licence").ValueKind);
        Assert.Contains("本站发布者未在网站设置中说明数据的使用条件", site.ReadOutput("data/index.html"));
    }

    [Fact]
    public void A_withheld_document_and_a_draft_are_in_no_file_of_the_open_data()
    {
        using var site = new TestSite($"""
            -- content/documents/public.md --
            {TestSite.Document("公开的通知", "doc_number: 测府办发〔2019〕1号")}
            -- content/documents/secret.md --
            {TestSite.Document("内部工作安排函", "doc_number: 测府办函〔2019〕99号", "index_number: 000014350/2019-09999",
                "disclosure: 依申请公开", "disclosure_reason: 内部事务信息")}
            -- content/documents/draft.md --
            {TestSite.Document("征求意见稿的通知", "draft: true", "index_number: 000014350/2019-09998")}
            """);
        site.BuildSuccessfully();

        var data = site.OutputFiles().Where(f => f.StartsWith("data/", StringComparison.Ordinal) || f.StartsWith('_')).ToList();
        Assert.Contains("data/catalogue.json", data);
        Assert.Contains("_redirects", data);
        var texts = data.Select(f => (f, site.ReadOutput(f))).Append(("(names)", string.Join("\n", data))).ToList();
        Assert.Contains(texts, t => t.Item2.Contains("公开的通知", StringComparison.Ordinal)); // the check can find a title
        foreach (var needle in new[] { "内部工作安排函", "99号", "2019-09999", "征求意见稿", "2019-09998" })
        {
            Assert.DoesNotContain(texts, t => t.Item2.Contains(needle, StringComparison.Ordinal));
        }
    }
}
