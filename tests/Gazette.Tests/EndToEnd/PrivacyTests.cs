using System.Text;
using Gazette.Diagnostics;
using Gazette.Search;
using Gazette.Tests.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>The privacy screen over whole builds: personal data fails the build, or is masked in every output, or is published as reviewed.</summary>
public sealed class PrivacyTests
{
    private const string Id = "370102199003071238";
    private const string Mobile = "13812345678";
    private const string Card = "6228480012345671";
    private const string Email = "zhangsan@example.com";

    /// <summary>A document with an ID number in its summary, a mobile and an ID number in its body, and more in its attachments.</summary>
    private static string Files(params string[] fields) => $"""
        -- content/documents/2019/chufa.md --
        {BadSite.DocumentWithBody("关于张某违法行为的处理决定",
            $"当事人：张某，联系电话{Mobile}。\n\n经查，当事人（身份证号码{Id}）存在违法行为，罚款汇入{Card}，来信请寄{Email}。\n",
            [$"summary: 对张某（身份证号码{Id}）作出处理", "index_number: 000014350/2019-00001", .. fields])}
        -- content/documents/2019/名单.csv --
        姓名,身份证号码,电话
        张某,{Id},{Mobile}
        -- content/documents/2019/说明.txt --
        如有疑问请联系 {Email}，或拨打 138-1234-5678。
        -- content/documents/2019/scan.pdf --
        %PDF-1.4 {Mobile}
        """;

    private const string Attachments = "attachments: [{file: 名单.csv, title: 名单}, {file: 说明.txt, title: 说明}, {file: scan.pdf, title: 扫描件}]";

    [Fact]
    public void Personal_data_in_a_body_and_a_summary_fails_the_build_at_every_place_and_the_previous_site_stays()
    {
        using var site = new TestSite($"""
            -- content/documents/2019/chufa.md --
            {TestSite.Document("关于张某违法行为的处理决定", "index_number: 000014350/2019-00001")}
            """);
        site.BuildSuccessfully();
        var before = Snapshot(site.Output);

        site.Write("content/documents/2019/chufa.md", BadSite.DocumentWithBody("关于张某违法行为的处理决定",
            $"当事人：张某，联系电话{Mobile}。\n\n经查，当事人（身份证号码{Id}）存在违法行为。\n",
            $"summary: 对张某（身份证号码{Id}）作出处理", "index_number: 000014350/2019-00001"));
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "content/documents/2019/chufa.md:8:1: GZ0501",
                "content/documents/2019/chufa.md:13:12: GZ0502",
                "content/documents/2019/chufa.md:15:13: GZ0501",
            ],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain(Id, d.ToString(), StringComparison.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain(Mobile, d.ToString(), StringComparison.Ordinal));
        var after = Snapshot(site.Output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed after a failed build"));
        Assert.DoesNotContain(Directory.EnumerateDirectories(site.Root), d => Path.GetFileName(d).StartsWith(".public", StringComparison.Ordinal));
    }

    [Fact]
    public void Personal_data_in_text_attachments_is_reported_in_those_files()
    {
        using var site = new TestSite(Files(Attachments).Replace($"身份证号码{Id}）作出处理", "有关情况）作出处理", StringComparison.Ordinal));

        var result = site.Build();

        Assert.Equal(
            [
                "content/documents/2019/chufa.md:14:12: GZ0502",
                "content/documents/2019/chufa.md:16:13: GZ0501",
                "content/documents/2019/chufa.md:16:43: GZ0503",
                "content/documents/2019/chufa.md:16:64: GZ0504",
                "content/documents/2019/名单.csv:2:4: GZ0501",
                "content/documents/2019/名单.csv:2:23: GZ0502",
                "content/documents/2019/说明.txt:1:9: GZ0504",
                "content/documents/2019/说明.txt:1:34: GZ0502",
            ],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        BadSite.AssertNothingWritten(site);
    }

    [Fact]
    public void Privacy_mask_leaves_no_original_number_in_any_output_file_and_pages_show_the_masked_forms()
    {
        using var site = new TestSite(Files("privacy: mask", Attachments)
            .Replace("关于张某违法行为的处理决定", $"关于张某（{Mobile}）违法行为的处理决定", StringComparison.Ordinal));

        site.BuildSuccessfully();

        var outputs = site.OutputFiles().Select(f => (Path: f, Text: site.ReadOutputText(f))).ToList();
        Assert.Contains(outputs, o => o.Path.StartsWith("search/", StringComparison.Ordinal));
        foreach (var secret in new[] { Id, Mobile, Card, Email, "3812345678", "0012345671", "zhangsan", "19900307" })
        {
            Assert.All(outputs.Where(o => !o.Path.EndsWith(".pdf", StringComparison.Ordinal)),
                o => Assert.False(o.Text.Contains(secret, StringComparison.Ordinal), $"{o.Path} contains {secret}"));
        }

        var page = site.ReadOutput("documents/000014350/2019-00001/index.html");
        Assert.Contains("联系电话138****5678", page);
        Assert.Contains("身份证号码3701**********1238）存在违法行为，罚款汇入6228********5671，来信请寄z***@example.com", page);
        Assert.Contains("对张某（身份证号码3701**********1238）作出处理", page);
        Assert.DoesNotContain(@"\*", page);
        Assert.DoesNotContain("<em>", page);
        Assert.Contains("<h1 class=\"doc-title\">关于张某（138****5678）违法行为的处理决定</h1>", page);
        Assert.Contains("关于张某（138****5678）违法行为的处理决定</a>", site.ReadOutput("catalogue/topics/zonghe-zhengwu/index.html"));
        Assert.Equal("姓名,身份证号码,电话\n张某,3701**********1238,138****5678\n", site.ReadOutput("documents/000014350/2019-00001/名单.csv"));
        Assert.Equal("如有疑问请联系 z***@example.com，或拨打 138****5678。\n", site.ReadOutput("documents/000014350/2019-00001/说明.txt"));
        Assert.Equal($"%PDF-1.4 {Mobile}\n", site.ReadOutput("documents/000014350/2019-00001/scan.pdf")); // not a text file: copied as it is
        var searchText = new SearchIndexReader(Path.Combine(site.Output, "search")).Text(0); // as the search page reads it
        Assert.Contains("联系电话138****5678", searchText, StringComparison.Ordinal);
    }

    [Fact]
    public void Privacy_mask_keeps_a_UTF8_byte_order_mark_and_line_ends_of_a_text_attachment()
    {
        using var site = new TestSite(Files("privacy: mask", "attachments: [{file: 说明.txt, title: 说明}]"));
        site.WriteBytes("content/documents/2019/说明.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"电话：{Mobile}\r\n第二行\r\n")]);

        site.BuildSuccessfully();

        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "documents/000014350/2019-00001/说明.txt"));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("电话：138****5678\r\n第二行\r\n")], bytes);
    }

    [Fact]
    public void Privacy_reviewed_with_a_reason_publishes_the_personal_data_as_written()
    {
        using var site = new TestSite(Files("privacy: reviewed", "privacy_reason: 行政处罚决定公示", Attachments));

        site.BuildSuccessfully();

        var page = site.ReadOutput("documents/000014350/2019-00001/index.html");
        Assert.Contains($"联系电话{Mobile}", page);
        Assert.Contains(Id, page);
        Assert.Contains($"张某,{Id},{Mobile}", site.ReadOutput("documents/000014350/2019-00001/名单.csv"));
    }

    [Fact]
    public void A_document_that_is_not_public_is_not_screened_and_reaches_no_output()
    {
        using var site = new TestSite(Files("disclosure: 依申请公开", "disclosure_reason: 涉及个人隐私", Attachments) + $"""
            -- content/documents/2019/other.md --
            {TestSite.Document("公开的通知")}
            """);

        var result = site.BuildSuccessfully();

        Assert.Equal(1, result.Withheld);
        Assert.All(site.OutputFiles(), f => Assert.DoesNotContain(Mobile, site.ReadOutputText(f), StringComparison.Ordinal));
    }


    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
