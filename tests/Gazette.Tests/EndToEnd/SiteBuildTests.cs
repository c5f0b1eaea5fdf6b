using System.Text.Json;
using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>Whole builds of small inline sites, asserting on the files they write.</summary>
public sealed class SiteBuildTests
{
    private const string Issue2019No1 = """
        -- content/gazettes/2019/1.yml --
        issue: 1
        total: 12
        date: 2019-03-31
        sections: [市政府文件, 市政府办公室文件, 政策解读]
        """;

    [Fact]
    public void A_withheld_document_reaches_no_output_file()
    {
        using var site = new TestSite($"""
            -- content/documents/public.md --
            {TestSite.Document("公开的通知")}
            -- content/documents/secret.md --
            ---
            title: 绝密的内部工作安排函
            doc_number: 测府办函〔2019〕99号
            issuers: city-office
            written: 2019-03-01
            published: 2019-03-02
            topic: 综合政务
            genre: 函
            disclosure: 依申请公开
            disclosure_reason: 内部事务信息
            attachments:
              - file: secret-list.txt
                title: 名单
            ---

            这是一段不应出现在任何输出文件中的独特句子甲乙丙丁。
            -- content/documents/secret-list.txt --
            名单内容戊己庚辛
            """);
        var result = site.BuildSuccessfully();
        Assert.Equal(1, result.Documents);
        Assert.Equal(1, result.Withheld);
        foreach (var file in site.OutputFiles())
        {
            var text = File.ReadAllText(Path.Combine(site.Output, file));
            Assert.DoesNotContain("绝密的内部工作安排函", text);
            Assert.DoesNotContain("测府办函〔2019〕99号", text);
            Assert.DoesNotContain("甲乙丙丁", text);
            Assert.DoesNotContain("戊己庚辛", text);
            Assert.DoesNotContain("secret-list", file);
        }
    }

    [Fact]
    public void An_issue_lists_its_documents_by_section_in_order_with_links_to_neighbouring_issues()
    {
        using var site = new TestSite($"""
            {Issue2019No1}
            -- content/gazettes/2018/4.yml --
            issue: 4
            total: 11
            date: 2018-12-31
            sections: [市政府文件]
            -- content/gazettes/2019/2.yml --
            issue: 2
            total: 13
            date: 2019-06-30
            sections: [市政府文件]
            -- content/documents/b.md --
            {TestSite.Document("乙号办公室文件", "gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 2}")}
            -- content/documents/a.md --
            {TestSite.Document("甲号办公室文件", "gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 1}")}
            -- content/documents/c.md --
            {TestSite.Document("丙号政府文件", "issuers: city-gov", "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1}")}
            -- content/documents/d.md --
            {TestSite.Document("丁号旧文件", "written: 2018-12-01", "published: 2018-12-02", "gazette: {year: 2018, issue: 4, section: 市政府文件, order: 1}")}
            """);
        site.BuildSuccessfully();
        var html = site.ReadOutput("gazette/2019/1/index.html");
        Assert.Contains("2019年第1期", html);
        Assert.Contains("总第12期", html);
        var order = new[] { "市政府文件", "丙号政府文件", "市政府办公室文件", "甲号办公室文件", "乙号办公室文件" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("<h2>政策解读", html); // an empty section is not printed
        Assert.Contains("href=\"/gazette/2018/4/\"", html);
        Assert.Contains("href=\"/gazette/2019/2/\"", html);
        Assert.Contains("2019年第1期", site.ReadOutput("documents/000014350/2019-" + Slot("甲号办公室文件") + "/index.html"));
        Assert.True(site.OutputExists("gazette/2018/index.html"));
        Assert.Contains("href=\"/gazette/2019/\"", site.ReadOutput("gazette/index.html"));
    }

    [Fact]
    public void A_repealed_document_announces_its_repeal_and_links_to_its_successor_and_back()
    {
        using var site = new TestSite($"""
            -- content/documents/old.md --
            {TestSite.Document("旧办法", "index_number: 000014350/2018-00001", "written: 2018-01-01", "published: 2018-01-02",
                "validity: {status: 废止, date: 2019-03-05, repealed_by: new}")}
            -- content/documents/new.md --
            {TestSite.Document("新办法", "index_number: 000014350/2019-00002")}
            """);
        site.BuildSuccessfully();
        var old = site.ReadOutput("documents/000014350/2018-00001/index.html");
        Assert.Contains("2019-03-05", old);
        Assert.Contains("href=\"/documents/000014350/2019-00002/\"", old);
        Assert.Contains("\"legislationLegalForce\":\"https://schema.org/NotInForce\"", old);
        var successor = site.ReadOutput("documents/000014350/2019-00002/index.html");
        Assert.Contains("href=\"/documents/000014350/2018-00001/\"", successor);
        Assert.Contains("\"legislationLegalForce\":\"https://schema.org/InForce\"", successor);
        Assert.Contains("旧办法", site.ReadOutput("catalogue/validity/repealed/index.html"));
    }

    [Fact]
    public void A_policy_and_its_interpretation_link_to_each_other()
    {
        using var site = new TestSite($"""
            -- content/documents/policy.md --
            {TestSite.Document("关于某项政策的通知", "index_number: 000014350/2019-00010")}
            -- content/documents/policy-jiedu.md --
            {TestSite.Document("《关于某项政策的通知》解读", "index_number: 000014350/2019-00011", "genre: 政策解读", "interprets: policy")}
            """);
        site.BuildSuccessfully();
        Assert.Contains("href=\"/documents/000014350/2019-00011/\"", site.ReadOutput("documents/000014350/2019-00010/index.html"));
        Assert.Contains("href=\"/documents/000014350/2019-00010/\"", site.ReadOutput("documents/000014350/2019-00011/index.html"));
    }

    [Fact]
    public void The_document_page_shows_the_metadata_table_and_structured_data()
    {
        using var site = new TestSite($"""
            -- content/documents/joint.md --
            {TestSite.Document("关于联合开展检查的通知", "index_number: 000014349/2019-00222", "doc_number: 测府发〔2019〕7号",
                "issuers: [city-gov, city-office]", "written: 2019-02-28", "published: 2019-03-04", "topic: 财政、金融、审计", "genre: 意见")}
            """);
        site.BuildSuccessfully();
        var html = site.ReadOutput("documents/000014349/2019-00222/index.html");
        foreach (var expected in new[] { "000014349/2019-00222", "财政、金融、审计", "测试市人民政府", "测试市人民政府办公室", "2019-02-28", "测府发〔2019〕7号", "2019-03-04", "有效", "意见" })
        {
            Assert.Contains(expected, html);
        }

        var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        Assert.True(start > 0, "no JSON-LD");
        start = html.IndexOf('>', start) + 1;
        var json = JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]).RootElement;
        Assert.Equal("Legislation", json.GetProperty("@type").GetString());
        Assert.Equal("测府发〔2019〕7号", json.GetProperty("legislationIdentifier").GetString());
        Assert.Equal("https://example.gov.cn/documents/000014349/2019-00222/", json.GetProperty("url").GetString());
        Assert.Equal(2, json.GetProperty("legislationPassedBy").GetArrayLength());
        Assert.Equal("https://schema.org/InForce", json.GetProperty("legislationLegalForce").GetString());
        Assert.Contains("测试市人民政府", site.ReadOutput("catalogue/organs/city-gov/index.html"));
        Assert.Contains("关于联合开展检查的通知", site.ReadOutput("catalogue/organs/city-office/index.html"));
    }

    [Fact]
    public void An_attachment_is_copied_beside_its_document_and_listed_with_size_and_type()
    {
        using var site = new TestSite($"""
            -- content/documents/2019/with-file.md --
            {TestSite.Document("附有附件的通知", "index_number: 000014350/2019-00031", "attachments: [{file: files/附件1 名单.csv, title: 附件1 名单}]")}
            -- content/documents/2019/files/附件1 名单.csv --
            序号,名称
            1,测试
            """);
        site.BuildSuccessfully();
        Assert.Equal("序号,名称\n1,测试\n", site.ReadOutput("documents/000014350/2019-00031/附件1 名单.csv"));
        var html = site.ReadOutput("documents/000014350/2019-00031/index.html");
        Assert.Contains("href=\"/documents/000014350/2019-00031/%E9%99%84%E4%BB%B61%20%E5%90%8D%E5%8D%95.csv\"", html);
        Assert.Contains("CSV", html);
        Assert.Contains("23 B", html);
    }

    [Fact]
    public void A_document_keeps_its_address_when_its_file_is_moved_and_renamed()
    {
        var document = TestSite.Document("会搬家的通知", "doc_number: 测府办发〔2019〕5号");
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {document}
            """);
        site.BuildSuccessfully();
        var before = site.OutputFiles().Single(f => f.StartsWith("documents/", StringComparison.Ordinal));
        site.Delete("content/documents/a.md");
        site.Write("content/documents/2019/moved-elsewhere.md", document);
        site.BuildSuccessfully();
        Assert.Equal(before, site.OutputFiles().Single(f => f.StartsWith("documents/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Adding_a_document_does_not_change_the_derived_index_numbers_of_others()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("第一份通知", "doc_number: 测府办发〔2019〕1号")}
            """);
        site.BuildSuccessfully();
        var before = site.OutputFiles().Where(f => f.StartsWith("documents/", StringComparison.Ordinal)).ToList();
        site.Write("content/documents/0-first.md", TestSite.Document("更早的通知", "doc_number: 测府办发〔2019〕2号", "written: 2019-01-01"));
        site.BuildSuccessfully();
        var after = site.OutputFiles().Where(f => f.StartsWith("documents/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, after.Count);
        Assert.Contains(before.Single(), after);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("第一份通知", "index_number: 000014350/2019-00001")}
            """);
        site.BuildSuccessfully();
        var files = site.OutputFiles().ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(site.Output, f)));
        site.Write("content/documents/b.md", TestSite.Document("有错的通知", "published: 2019-13-01"));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(files.Keys, site.OutputFiles());
        Assert.All(files, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(site.Output, f.Key))));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".public*"));
    }

    [Fact]
    public void Listings_are_paginated_by_the_sites_page_size()
    {
        var documents = string.Join("\n", Enumerable.Range(1, 5).Select(i => $"""
            -- content/documents/d{i}.md --
            {TestSite.Document($"第{i}份通知", $"published: 2019-03-0{i}", "written: 2019-03-01")}
            """));
        using var site = new TestSite($"""
            -- content/site.yml --
            name: 测试公报
            base_url: https://example.gov.cn/
            publisher: 测试市人民政府办公室
            page_size: 2
            {documents}
            """);
        site.BuildSuccessfully();
        var first = site.ReadOutput("catalogue/topics/zonghe-zhengwu/index.html");
        Assert.Contains("第5份通知", first); // newest first
        Assert.DoesNotContain("第3份通知", first);
        Assert.Contains("href=\"/catalogue/topics/zonghe-zhengwu/page/2/\"", first);
        Assert.Contains("第3份通知", site.ReadOutput("catalogue/topics/zonghe-zhengwu/page/2/index.html"));
        Assert.Contains("第1份通知", site.ReadOutput("catalogue/topics/zonghe-zhengwu/page/3/index.html"));
        Assert.False(site.OutputExists("catalogue/topics/zonghe-zhengwu/page/4/index.html"));
        Assert.Contains("5", site.ReadOutput("catalogue/topics/index.html"));
    }

    [Fact]
    public void A_site_in_English_uses_the_English_interface_strings()
    {
        using var site = new TestSite($"""
            -- content/site.yml --
            name: Test Gazette
            base_url: https://example.gov.cn/
            publisher: Test City Government
            language: en
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "index_number: 000014350/2019-00001", "validity: {status: 失效, date: 2019-12-31}")}
            """);
        site.BuildSuccessfully();
        var html = site.ReadOutput("documents/000014350/2019-00001/index.html");
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("Expired", html);
        Assert.DoesNotContain("发布日期", html);
    }

    [Fact]
    public void A_site_under_a_sub_folder_links_everything_under_that_folder()
    {
        using var site = TestSite.UnderFolder("关于测试的通知");
        site.BuildSuccessfully();
        var html = site.ReadOutput("index.html");
        Assert.Contains("href=\"/gongbao/documents/000014350/2019-00001/\"", html);
        Assert.Contains("/gongbao/assets/site.", html);
        Assert.DoesNotContain("href=\"/documents/", html);
    }

    [Fact]
    public void Chinese_lines_wrapped_inside_a_paragraph_are_joined_without_a_space()
    {
        using var site = new TestSite("""
            -- content/documents/a.md --
            ---
            title: 换行的通知
            index_number: 000014350/2019-00001
            issuers: city-office
            written: 2019-03-01
            published: 2019-03-05
            topic: 综合政务
            genre: 通知
            disclosure: 主动公开
            ---

            各镇人民政府，
            区政府各部门：
            Line one
            line two
            """);
        site.BuildSuccessfully();
        var html = site.ReadOutput("documents/000014350/2019-00001/index.html");
        Assert.Contains("各镇人民政府，区政府各部门：", html);
        Assert.Contains("Line one\nline two", html);
    }

    [Fact]
    public void Every_problem_of_a_bad_site_is_reported_in_one_build()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲", "issuers: nobody")}
            -- content/documents/b.md --
            {TestSite.Document("乙", "topic: 不存在的主题")}
            -- content/documents/c.md --
            {TestSite.Document("丙", "interprets: missing")}
            """);
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(
            [Codes.UnknownOrgan.Id, Codes.UnknownTopic.Id, Codes.UnknownDocument.Id],
            result.Diagnostics.Select(d => d.Code.Id));
        Assert.False(Directory.Exists(site.Output));
    }

    private static string Slot(string title) =>
        (Gazette.Pipeline.AssignIndexNumbers.Hash(title) % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
