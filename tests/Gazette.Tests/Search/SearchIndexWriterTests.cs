using System.Collections.Concurrent;
using System.Text.Json;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Search;
using Gazette.Tests.Stages;
using Gazette.Theme;

namespace Gazette.Tests.Search;

/// <summary>The index writer on archives made in memory: what it writes, whatever the number of threads it indexes the terms on.</summary>
public sealed class SearchIndexWriterTests
{
    internal static readonly UiStrings Strings = new("zh-CN", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["validity_valid"] = "有效",
        ["validity_expired"] = "失效",
        ["validity_repealed"] = "废止",
        ["validity_amended"] = "已修改",
        ["year_label"] = "{year}年",
        ["issue_label"] = "{year}年第{number}期",
    });

    private static readonly IssueKey FirstIssue = new(2019, 1);

    internal static Archive Archive(SiteConfiguration config, IEnumerable<Document> documents)
    {
        var urls = new SiteUrls(config.Site.BasePath);
        var issue = new Issue(FirstIssue, 1, new DateOnly(2019, 3, 31), ["市政府文件"], null, new SourceLocation("content/gazettes/2019/1.yml"));
        var published = documents.Select((d, i) =>
        {
            var number = $"000014350/2019-{i + 1:D5}";
            return new PublishedDocument(d with { IndexNumber = number }, number, urls.Document(number));
        }).ToList();
        return new Archive(config, urls, published, [new IssueContents(issue, [])]);
    }

    /// <summary>Every file the writer gives, by path, the documents added in batches.</summary>
    private static Dictionary<string, byte[]> Write(Archive archive, IReadOnlyList<string> bodies, int shards)
    {
        var writer = new SearchIndexWriter(archive.Config, shards);
        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var batch in archive.Documents.Index().Chunk(256))
        {
            writer.Add([.. batch.Select(d => (d.Item, bodies[d.Index]))]);
        }

        writer.Finish(archive, Strings, (path, bytes) => Assert.True(files.TryAdd(path, bytes), path));
        return new Dictionary<string, byte[]>(files, StringComparer.Ordinal);
    }

    [Fact]
    public void The_index_is_the_same_byte_for_byte_whatever_the_number_of_shards_its_terms_are_indexed_in()
    {
        // More than 8,192 documents, so that the postings of common terms (乡村 in every document, 振兴 in one of eight) are
        // too large to stay in their chunk and go to their own files, some of them the same file.
        const string han = "政府办公室关于印发实施意见的通知各区县人民街道部门单位现将方案予以请认真贯彻执行年月日规定第条款项目管理";
        var random = new Random(11);
        var config = Stage.Config();
        var documents = new List<Document>();
        var bodies = new List<string>();
        for (var i = 0; i < 8_500; i++)
        {
            var words = Enumerable.Range(0, random.Next(2, 12)).Select(_ => han.Substring(random.Next(han.Length - 3), random.Next(1, 4)));
            bodies.Add($"乡村{(i % 8 == 0 ? "振兴" : "")}{string.Join(random.Next(3) == 0 ? " " : "", words)} PPP{random.Next(40)} 𠀀{han[i % han.Length]}\n第二段。");
            documents.Add(Stage.Document($"d{i}", "关于" + han.Substring(i % 30, 4) + "的通知") with
            {
                DocNumber = i % 3 == 0 ? null : $"测府发〔{2000 + (i % 20)}〕{i % 97}号",
                Published = new DateOnly(2019, 1, 1).AddDays(-(i % 700)),
            });
        }

        var archive = Archive(config, documents);
        var one = Write(archive, bodies, 1);
        Assert.Contains(one.Keys, p => p.StartsWith("postings/", StringComparison.Ordinal));
        Assert.True(one.Keys.Count(p => p.StartsWith("terms/", StringComparison.Ordinal)) > 1);
        foreach (var shards in new[] { 2, 5 })
        {
            var other = Write(archive, bodies, shards);
            Assert.Equal(one.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
            Assert.All(one, f => Assert.True(f.Value.AsSpan().SequenceEqual(other[f.Key]), $"{f.Key} differs with {shards} shards"));
        }
    }

    [Fact]
    public void A_facet_value_lists_each_of_its_documents_once_joint_organs_and_parent_topics_included()
    {
        var config = Stage.Config(("content/topics.yml", """
            - {id: weisheng, name: 卫生、体育, children: [{id: yiyao, name: 医药管理}]}
            - {id: zonghe-zhengwu, name: 综合政务}
            - {id: keji, name: 科技}
            """));
        var repealed = new Validity(ValidityStatus.Repealed, new DateOnly(2019, 6, 1), null, null, null);
        var archive = Archive(config, [
            Stage.Document("a") with { Published = new DateOnly(2019, 5, 1), Issuers = ["city-gov", "city-office"], Topic = "yiyao", Gazette = new(2019, 1, "市政府文件", 1) },
            Stage.Document("b") with { Published = new DateOnly(2019, 4, 1), Topic = "weisheng", Validity = repealed, Genre = "yijian" },
            Stage.Document("c") with { Published = new DateOnly(2018, 4, 1), Issuers = ["city-office", "city-office"] },
            Stage.Document("d") with { Published = new DateOnly(2017, 4, 1), Issuers = ["city-gov"], Topic = "yiyao", Gazette = new(2019, 1, "市政府文件", 2) },
        ]);

        var files = Write(archive, ["正文。", "正文。", "正文。", "正文。"], 2);
        string Facet(string name)
        {
            var file = files.Single(f => f.Key.StartsWith($"facets/{name}.", StringComparison.Ordinal));
            using var json = JsonDocument.Parse(IndexFile.Gunzip(file.Value));
            return string.Join("; ", json.RootElement.GetProperty("values").EnumerateArray().Select(v =>
                $"{v.GetProperty("id").GetString()} {v.GetProperty("label").GetString()} [{string.Join(",", v.GetProperty("docs").EnumerateArray().Select(d => d.GetInt32()))}]"));
        }

        // Documents are numbered newest first (a, b, c, d = 0, 1, 2, 3) and listed as deltas.
        Assert.Equal("city-gov 测试市人民政府 [0,3]; city-office 测试市人民政府办公室 [0,1,1]", Facet("organ"));
        Assert.Equal("weisheng 卫生、体育 [0,1,2]; yiyao 卫生、体育\\医药管理 [0,3]; zonghe-zhengwu 综合政务 [2]", Facet("topic"));
        Assert.Equal("yijian 意见 [1]; tongzhi 通知 [0,2,1]", Facet("genre"));
        Assert.Equal("2019 2019年 [0,1]; 2018 2018年 [2]; 2017 2017年 [3]", Facet("year"));
        Assert.Equal("valid 有效 [0,2,1]; repealed 废止 [1]", Facet("validity"));
        Assert.Equal("2019-1 2019年第1期 [0,3]", Facet("issue"));
    }
}
