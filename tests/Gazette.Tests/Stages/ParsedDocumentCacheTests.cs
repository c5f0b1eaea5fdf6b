using System.Text.Json;
using Gazette.Audit;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Stages;

/// <summary>
/// The build cache's parses of the documents: a document file parsed before as it is now is neither read nor parsed again, and
/// what the build gets — documents and diagnostics — is what parsing it would give.
/// </summary>
public sealed class ParsedDocumentCacheTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static TestSite Site() => new($"""
        -- content/documents/2019/a.md --
        {TestSite.Document("关于甲的通知")}
        -- content/documents/2019/b.md --
        {TestSite.Document("关于乙的通知", "doc_number: 渝府发〔2019〕2号")}
        -- content/documents/2019/wrong.md --
        {TestSite.Document("关于丙的通知", "topic: 不存在的主题")}
        """);

    /// <summary>Reads and parses the site's content as a build does, with its cache; the files' times are set long ago first (not racy).</summary>
    private static (IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Diagnostics, int Known) Parse(TestSite site, bool settle = true)
    {
        var (parsed, documents, diagnostics, known) = Read(site, settle);
        parsed.Save();
        return (documents, diagnostics.Items, known);
    }

    /// <summary><see cref="Parse"/>, leaving the cache open (not saved) for more stages.</summary>
    private static (ParsedDocumentCache Parsed, IReadOnlyList<Document> Documents, DiagnosticBag Diagnostics, int Known) Read(TestSite site, bool settle = true)
    {
        if (settle)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(site.Root, "content"), "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(file, LongAgo);
            }
        }

        var options = site.Options;
        var parsed = ParsedDocumentCache.Open(Path.Combine(site.Root, BuildOptions.DefaultCacheFolder), options.ContentDirectory);
        var diagnostics = new DiagnosticBag();
        var content = new ReadContentFiles().Run(options, diagnostics, parsed);
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        var documents = new ParseDocuments().Run(content, config, diagnostics, parsed);
        return (parsed, documents, diagnostics, content.Files.Count(f => f.Known));
    }

    private static string Json(IReadOnlyList<Document> documents) => JsonSerializer.Serialize(documents);

    [Fact]
    public void A_second_parse_reads_no_document_and_gives_the_same_documents_and_errors()
    {
        using var site = Site();
        var first = Parse(site);
        Assert.Equal(0, first.Known);
        Assert.Contains(first.Diagnostics, d => d.Code == Codes.UnknownTopic);

        var second = Parse(site);

        Assert.Equal(3, second.Known);
        Assert.Equal(Json(first.Documents), Json(second.Documents));
        Assert.Equal(first.Diagnostics, second.Diagnostics); // the error of wrong.md is reported again: the build still fails
    }

    [Fact]
    public void A_changed_document_is_parsed_again_and_the_others_are_not()
    {
        using var site = Site();
        Parse(site);
        site.Write("content/documents/2019/b.md", TestSite.Document("关于乙的通知（修订）", "doc_number: 渝府发〔2019〕2号"));

        var again = Parse(site);

        Assert.Equal(2, again.Known);
        Assert.Contains(again.Documents, d => d.Title == "关于乙的通知（修订）");
        Assert.DoesNotContain(again.Documents, d => d.Title == "关于乙的通知");
    }

    [Fact]
    public void A_documents_metadata_digest_is_that_of_its_parse_recalled_or_made_and_a_body_edit_leaves_it()
    {
        using var site = Site();
        var (parsed, documents, _, _) = Read(site);
        const string Path = "content/documents/2019/b.md";
        var made = parsed.MetadataOf(Path);
        Assert.Equal(DocumentCodec.Digest(documents.Single(d => d.Source.Path == Path)), made);
        parsed.Save();

        var (recalled, _, _, known) = Read(site);
        Assert.Equal(3, known);
        Assert.Equal(made, recalled.MetadataOf(Path));
        recalled.Save();

        site.Write(Path, TestSite.Document("关于乙的通知", "doc_number: 渝府发〔2019〕2号") + "\n另起一段。\n");
        Assert.Equal(made, Read(site).Parsed.MetadataOf(Path));
        site.Write(Path, TestSite.Document("关于乙的通知（修订）", "doc_number: 渝府发〔2019〕2号"));
        Assert.NotEqual(made, Read(site).Parsed.MetadataOf(Path));
    }

    [Fact]
    public void A_change_to_any_other_content_file_parses_every_document_again()
    {
        using var site = Site();
        Parse(site);
        site.Write("content/organs.yml", TestSite.DefaultOrgans + "\n");

        Assert.Equal(0, Parse(site).Known);
    }

    [Fact]
    public void A_document_whose_time_changed_but_not_its_bytes_is_known_by_its_digest()
    {
        using var site = Site();
        Parse(site);
        File.SetLastWriteTimeUtc(Path.Combine(site.Root, "content/documents/2019/a.md"), DateTime.UtcNow);

        var again = Parse(site, settle: false);

        Assert.Equal(3, again.Known);
    }

    [Fact]
    public void A_file_written_just_before_a_build_is_compared_by_its_bytes_at_the_next_one_even_with_the_same_size_and_time()
    {
        using var site = Site();
        Parse(site);
        var file = Path.Combine(site.Root, "content/documents/2019/a.md");
        site.Write("content/documents/2019/a.md", TestSite.Document("关于丁的通知"));
        var written = File.GetLastWriteTimeUtc(file);
        Parse(site, settle: false); // records a.md as it is now, written a moment ago

        // Written again within the same tick of the file system's clock and the same size: only its bytes tell
        site.Write("content/documents/2019/a.md", TestSite.Document("关于戊的通知"));
        File.SetLastWriteTimeUtc(file, written);
        var again = Parse(site, settle: false);

        Assert.Contains(again.Documents, d => d.Title == "关于戊的通知");
    }

    [Fact]
    public void A_damaged_or_foreign_cache_file_is_left_aside_and_every_document_is_parsed()
    {
        using var site = Site();
        var first = Parse(site);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.Root, BuildOptions.DefaultCacheFolder), "documents-*"))
        {
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        }

        var again = Parse(site);

        Assert.Equal(0, again.Known);
        Assert.Equal(Json(first.Documents), Json(again.Documents));
    }

    [Fact]
    public void A_deleted_document_is_gone_from_the_next_parse()
    {
        using var site = Site();
        Parse(site);
        site.Delete("content/documents/2019/b.md");

        var again = Parse(site);

        Assert.Equal(2, again.Known);
        Assert.DoesNotContain(again.Documents, d => d.Title == "关于乙的通知");
    }

    // A sentence of the withheld body, as the audit looks for it (without its full stop)
    private const string WithheldSentence = "本通知所列的补偿标准仅供内部测算使用，不得对外公布";

    private static TestSite WithheldSite() => new($"""
        -- content/documents/2019/a.md --
        {TestSite.Document("关于甲的通知")}
        -- content/documents/2019/secret.md --
        {TestSite.Document("关于内部补偿测算的通知", "disclosure: 依申请公开", "disclosure_reason: 《政府信息公开条例》第二十七条").Replace("正文第一段", WithheldSentence)}
        """);

    /// <summary>
    /// Parses the site as <see cref="Parse"/> does, then takes the withheld documents' passages as a build does, with the cache;
    /// returns them and whether the cache held secret.md's passages before they were taken.
    /// </summary>
    private static (WithheldText Withheld, bool Recorded) Collect(TestSite site)
    {
        var (parsed, documents, diagnostics, _) = Read(site);
        var recorded = parsed.PassagesOf("content/documents/2019/secret.md") is not null;
        var withheld = new CollectWithheldText().Run(site.Options, documents, diagnostics, parsed);
        parsed.Save();
        Assert.Empty(diagnostics.Items);
        return (withheld, recorded);
    }

    [Fact]
    public void A_withheld_documents_passages_are_recorded_with_its_parse_and_used_while_its_file_is_as_it_was()
    {
        using var site = WithheldSite();
        var first = Collect(site);
        Assert.False(first.Recorded);
        Assert.Contains(first.Withheld.Unshared(), p => p.Text == WithheldSentence);

        var second = Collect(site);

        Assert.True(second.Recorded);
        Assert.Equal(first.Withheld.Unshared(), second.Withheld.Unshared());
        Assert.True(first.Withheld.Digest().SameAs(second.Withheld.Digest()));
    }

    [Fact]
    public void A_changed_withheld_documents_passages_are_taken_again()
    {
        using var site = WithheldSite();
        Collect(site);
        const string changed = "本通知所列的补偿标准已经调整，调整后的标准仍仅供内部测算使用";
        site.Write("content/documents/2019/secret.md", TestSite.Document("关于内部补偿测算的通知", "disclosure: 依申请公开", "disclosure_reason: 《政府信息公开条例》第二十七条").Replace("正文第一段", changed));

        var again = Collect(site);

        Assert.False(again.Recorded);
        Assert.Contains(again.Withheld.Unshared(), p => p.Text == changed);
        Assert.DoesNotContain(again.Withheld.Unshared(), p => p.Text == WithheldSentence);
        Assert.True(Collect(site).Recorded);
    }
}
