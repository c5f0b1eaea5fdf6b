using System.Text.RegularExpressions;
using Gazette.Search;
using Gazette.Tests.Support;

namespace Gazette.Tests.Search;

/// <summary>Builds small sites and searches the index files they wrote, as the browser client would.</summary>
public sealed partial class SearchIndexTests
{
    private static TestSite Site() => new($"""
        -- content/documents/a.md --
        {Body(TestSite.Document("关于全面推进乡村振兴的意见", "doc_number: 测府发〔2019〕16号", "genre: 意见", "published: 2019-05-01", "written: 2019-04-01"), "各地要把乡村振兴作为重点。")}
        -- content/documents/b.md --
        {Body(TestSite.Document("关于做好政务公开工作的通知", "doc_number: 测府办发〔2019〕3号", "published: 2019-03-01"), "推进乡村振兴和PPP项目。乡村与振兴另见。")}
        -- content/documents/c.md --
        {Body(TestSite.Document("关于2019年度财政预算的报告", "genre: 报告", "written: 2019-01-20", "published: 2019-02-01"), "2019年预算执行情况良好。")}
        -- content/documents/d.md --
        {Body(TestSite.Document("不公开的乡村振兴内部函", "disclosure: 依申请公开", "disclosure_reason: 内部事务"), "乡村振兴内部安排。")}
        """);

    private static string Body(string document, string body) => document.Replace("正文第一段。", body, StringComparison.Ordinal);

    private static SearchIndexReader Build(TestSite site)
    {
        site.BuildSuccessfully();
        return new SearchIndexReader(Path.Combine(site.Output, "search"));
    }

    private static string Title(SearchIndexReader reader, SearchIndexReader.Result result) => reader.Metadata(result.Id).GetProperty("t").GetString()!;

    [Fact]
    public void A_Chinese_query_finds_every_published_document_containing_it_and_title_matches_come_first()
    {
        using var site = Site();
        var reader = Build(site);
        var results = reader.Search("乡村振兴");
        Assert.Equal(["关于全面推进乡村振兴的意见", "关于做好政务公开工作的通知"], results.Select(r => Title(reader, r)));
        Assert.True(results[0].TitleHits > results[1].TitleHits);
    }

    [Fact]
    public void A_withheld_document_is_not_in_the_index()
    {
        using var site = Site();
        var reader = Build(site);
        Assert.Equal(3, reader.Documents);
        Assert.Empty(reader.Search("内部函"));
        foreach (var file in IndexFiles(site))
        {
            var bytes = File.ReadAllBytes(file);
            var text = TestSite.TextOf(bytes);
            Assert.DoesNotContain("不公开的乡村振兴内部函", text);
            Assert.DoesNotContain("内部安排", text);
        }
    }

    [Theory]
    [InlineData("测府发〔2019〕16号")]
    [InlineData("测府发[2019]16号")]
    [InlineData("测府发【2019】16")]
    [InlineData("测府发(2019)16号")]
    [InlineData("测府发（２０１９）１６号")]
    public void A_document_number_in_any_common_form_brings_that_document_first(string typed)
    {
        using var site = Site();
        var reader = Build(site);
        var results = reader.Search(typed);
        Assert.NotEmpty(results);
        Assert.True(results[0].NumberMatch);
        Assert.Equal("关于全面推进乡村振兴的意见", Title(reader, results[0]));
    }

    [Theory]
    [InlineData("PPP项目", "关于做好政务公开工作的通知")]
    [InlineData("ＰＰＰ项目", "关于做好政务公开工作的通知")]
    [InlineData("2019年 预算", "关于2019年度财政预算的报告")]
    public void Mixed_Latin_digits_and_Chinese_and_full_width_forms_match(string query, string expected)
    {
        using var site = Site();
        var reader = Build(site);
        Assert.Equal([expected], reader.Search(query).Select(r => Title(reader, r)));
    }

    [Fact]
    public void Results_carry_the_metadata_the_result_list_shows()
    {
        using var site = Site();
        var reader = Build(site);
        var first = reader.Metadata(reader.Search("乡村振兴")[0].Id);
        Assert.Equal("测府发〔2019〕16号", first.GetProperty("n").GetString());
        Assert.Equal("测试市人民政府办公室", first.GetProperty("o").GetString());
        Assert.Equal("2019-05-01", first.GetProperty("d").GetString());
        Assert.Equal("valid", first.GetProperty("v").GetString());
        Assert.StartsWith("/documents/", first.GetProperty("u").GetString());
        Assert.Equal("内容概述。", first.GetProperty("s").GetString());
    }

    [Fact]
    public void Every_index_file_but_the_manifest_is_named_by_its_content_hash_chunks_and_shards_by_their_group_s()
    {
        using var site = Site();
        Build(site);
        AssertNamedByHash(site);
    }

    [Fact]
    public void Documents_rendered_in_several_batches_are_indexed_in_order_and_each_one_s_text_is_read_from_its_page()
    {
        // 600 documents: three batches of the pipeline, and metadata shards that do not line up with them.
        var files = string.Concat(Enumerable.Range(0, 600).Select(i =>
            $"-- content/documents/d{i}.md --\n{Body(TestSite.Document($"关于第{i}号事项的通知", $"published: {new DateOnly(2019, 1, 1).AddDays(i):yyyy-MM-dd}", $"written: {new DateOnly(2018, 12, 1).AddDays(i):yyyy-MM-dd}"), $"第{i}号事项的正文。")}"));
        using var site = new TestSite(files);
        var reader = Build(site);
        AssertNamedByHash(site);
        Assert.Contains("第599号事项的正文", reader.Text(reader.Search("第599号事项")[0].Id), StringComparison.Ordinal);
        Assert.Contains("第0号事项的正文", reader.Text(reader.Search("第0号事项")[0].Id), StringComparison.Ordinal);
        Assert.DoesNotContain(IndexFiles(site), f => f.Contains("/text/", StringComparison.Ordinal));
    }

    private static void AssertNamedByHash(TestSite site)
    {
        var root = Path.Combine(site.Output, "search");
        var files = IndexFiles(site).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        Assert.Contains("manifest.json", files);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "manifest.json")));
        byte[] Sha(string file) => System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(root, file)));
        string[] tables = ["terms", "meta"];
        foreach (var table in tables)
        {
            var t = manifest.RootElement.GetProperty(table);
            var (count, size) = (t.GetProperty("count").GetInt32(), t.GetProperty("groupSize").GetInt32());
            var names = Enumerable.Range(0, count).Select(i => files.Single(f => f.StartsWith($"{table}/{i}.", StringComparison.Ordinal))).ToList();
            var groups = t.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).ToList();
            Assert.Equal((count + size - 1) / size, groups.Count);
            for (var g = 0; g < groups.Count; g++)
            {
                var members = names.Skip(g * size).Take(size).ToList();
                var expected = IndexFile.Hex(System.Security.Cryptography.SHA256.HashData(members.SelectMany(Sha).ToArray())[..4]);
                Assert.Equal(expected, groups[g]);
                Assert.All(members, m => Assert.Matches($@"^{table}/\d+\.{expected}\.(bin|json)$", m));
            }
        }

        Assert.False(manifest.RootElement.TryGetProperty("text", out _), "a document's text is read from its page");
        foreach (var file in files.Where(f => f != "manifest.json" && !tables.Any(t => f.StartsWith(t + "/", StringComparison.Ordinal))))
        {
            var hash = HashInName().Match(file);
            Assert.True(hash.Success, file);
            Assert.StartsWith(hash.Groups[1].Value, IndexFile.Hex(Sha(file)), StringComparison.Ordinal);
            Assert.Equal(10, hash.Groups[1].Length);
        }
    }

    [Fact]
    public void Each_result_s_searchable_text_is_made_from_its_record_and_its_page_for_checking_quoted_phrases()
    {
        using var site = Site();
        var reader = Build(site);
        var id = reader.Search("PPP项目")[0].Id;
        var text = reader.Text(id);
        Assert.Contains("关于做好政务公开工作的通知", text);
        Assert.Contains("测府办发〔2019〕3号", text);
        Assert.Contains("推进乡村振兴和ppp项目。", text);
        Assert.False(reader.Metadata(id).TryGetProperty("x", out _), "the metadata no longer names the text");
    }

    [Fact]
    public void A_quoted_phrase_finds_only_documents_with_the_exact_string()
    {
        using var site = Site();
        var reader = Build(site);
        Assert.Equal(2, reader.Search("乡村 振兴").Count);
        Assert.Equal(["关于做好政务公开工作的通知"], reader.Search("\"乡村与振兴\"").Select(r => Title(reader, r)));
        Assert.Empty(reader.Search("“振兴乡村”"));
    }

    [Fact]
    public void Document_ids_run_from_newest_to_oldest()
    {
        using var site = Site();
        var reader = Build(site);
        Assert.Equal(["2019-05-01", "2019-03-01", "2019-02-01"], Enumerable.Range(0, 3).Select(i => reader.Metadata(i).GetProperty("d").GetString()));
    }

    /// <summary>The files of the index: the search folder also holds the search page itself.</summary>
    private static IEnumerable<string> IndexFiles(TestSite site) =>
        Directory.EnumerateFiles(Path.Combine(site.Output, "search"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.html");

    [GeneratedRegex(@"(?:^|[./])([0-9a-f]{10}|[0-9a-f]{8})\.(?:bin|json|txt)$")]
    private static partial Regex HashInName();
}
