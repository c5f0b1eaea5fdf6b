using System.IO.Compression;
using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;
using Gazette.Output;
using Gazette.Pipeline;
using Gazette.Search;

namespace Gazette.Tests.Stages;

/// <summary>
/// The audit of the files as they are written: what it finds is judged against the passages left at the end, so a file looked
/// through before a passage was set aside counts as if it had been read back after; the files it looked through are not read back.
/// </summary>
public sealed class WrittenAuditTests
{
    private const string Secret = "经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标";
    private const string Shared = "本办法自发布之日起施行，由市人民政府办公厅负责解释";

    private static WithheldText Withheld(params string[] texts) =>
        new(texts.Select((t, i) => new WithheldPassage(t, "internal", "sentence", new SourceLocation("content/documents/internal.md", i + 1))));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static List<(string Passage, string Name)> Found(WrittenAudit audit) =>
        [.. audit.Found().Select(f => (f.Passage.Text, f.Name)).Order()];

    [Fact]
    public void A_passage_found_before_a_published_document_was_seen_to_hold_it_is_no_leak_and_one_no_document_holds_is()
    {
        var withheld = Withheld(Secret, Shared);
        var audit = new WrittenAudit(withheld);

        audit.Look("documents/a/index.html", Utf8($"<p>{Shared}</p><p>{Secret}</p>"));
        withheld.SetAsideShared(Shared); // a published document seen after the page was written holds it
        audit.Refresh();
        audit.Look("documents/b/index.html", Utf8($"<p>{Shared}</p>"));

        Assert.Equal([(Secret, "documents/a/index.html")], Found(audit));
    }

    [Fact]
    public void Once_enough_passages_are_set_aside_the_files_are_looked_through_for_the_others_only()
    {
        var many = Enumerable.Range(0, 100).Select(i => $"第{i:000}条之规定不予公开的内部测算数据与审核意见全文").ToArray();
        var withheld = Withheld([Secret, .. many]);
        var audit = new WrittenAudit(withheld);
        Assert.Equal(101, audit.Finder().Count);
        audit.Look("first.html", Utf8("<p>前言</p>")); // the passages are taken when the first file is looked through
        Assert.Same(audit.Finder(), audit.Finder());

        foreach (var text in many)
        {
            withheld.SetAsideShared(text);
        }

        Assert.Equal(1, audit.Finder().Count); // the finder for the end is made anew: passages were set aside since
        Assert.NotSame(audit.Finder(), audit.Finder());
        audit.Refresh();
        Assert.Same(audit.Finder(), audit.Finder()); // the files are now looked through for the one passage left
        Assert.Equal(1, audit.Finder().Count);
        audit.Look("a.html", Utf8(many[0] + Secret));
        Assert.Equal([(Secret, "a.html")], Found(audit));
    }

    [Fact]
    public void The_passages_are_taken_when_the_first_file_is_looked_through_not_before()
    {
        var many = Enumerable.Range(0, 100).Select(i => $"第{i:000}条之规定不予公开的内部测算数据与审核意见全文").ToArray();
        var withheld = Withheld([Secret, .. many]);
        var audit = new WrittenAudit(withheld);
        foreach (var text in many)
        {
            withheld.SetAsideShared(text);
        }

        audit.Refresh(); // nothing taken yet: nothing to take again
        audit.Look("a.html", Utf8(many[0] + Secret));

        Assert.Same(audit.Finder(), audit.Finder()); // taken by the look, after the 100 were set aside
        Assert.Equal(1, audit.Finder().Count);
        Assert.Equal([(Secret, "a.html")], Found(audit));
    }

    [Fact]
    public void Gzip_data_is_looked_through_as_what_it_inflates_to_and_a_file_holding_no_text_by_its_name_only()
    {
        var at = new SourceLocation("content/documents/internal.md", 3);
        var audit = new WrittenAudit(new WithheldText(
            [new WithheldPassage(Secret, "internal", "sentence", at), new WithheldPassage("011190056/2019-00156", "internal", "index number", at, InPaths: true)]));
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Utf8($"{{\"t\":\"{Secret}\"}}"));
        }

        audit.Look("search/meta/0.json", packed.ToArray());
        audit.Look("files/011190056/2019-00156/scan.pdf", Utf8(Secret));

        Assert.Equal(
            [(Secret, "search/meta/0.json"), ("011190056/2019-00156", "files/011190056/2019-00156/scan.pdf")],
            [.. audit.Found().Select(f => (f.Passage.Text, f.Name))]);
    }

    [Fact]
    public void A_streamed_file_is_looked_through_across_its_parts_and_one_beginning_as_gzip_data_is_left_to_be_read_back()
    {
        var audit = new WrittenAudit(Withheld(Secret));
        var bytes = Utf8(new string('x', PassageScan.PieceSize - 10) + Secret + "。");
        using var target = new MemoryStream();
        var watch = audit.Watching("data/catalogue.csv", target);
        for (var at = 0; at < bytes.Length; at += 4099)
        {
            watch.Write(bytes.AsSpan(at, Math.Min(4099, bytes.Length - at)));
        }

        Assert.True(watch.Finish());
        Assert.Equal(bytes, target.ToArray());
        Assert.Equal([(Secret, "data/catalogue.csv")], Found(audit));

        var gzipped = audit.Watching("data/odd.bin", Stream.Null);
        gzipped.Write([0x1f]);
        gzipped.Write([0x8b, 0x08]);
        Assert.False(gzipped.Finish());
    }

    [Fact]
    public void The_files_looked_through_as_they_were_written_are_not_read_back_and_their_leaks_are_reported_with_the_others()
    {
        using var folder = new TempFolder();
        var source = folder.PathOf("theme/leak.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.WriteAllText(source, Secret);
        var withheld = Withheld(Secret);
        using var site = new WriteSite(folder.PathOf("public"));
        site.Audit = new WrittenAudit(withheld);

        site.Write(new OutputFile("index.html", Utf8($"<p>{Secret}</p>")));
        site.Write("data/catalogue.csv", s => s.Write(Utf8("标题\n无关")));
        site.Write(new OutputFile("assets/leak.txt", null, source));

        Assert.Equal(["assets/leak.txt"], site.FilesToAudit(default).Select(f => f.Name));
        var diagnostics = new DiagnosticBag();
        Assert.Equal(1, new AuditOutput().Run(site.FilesToAudit(default), withheld, diagnostics, site.Audit));
        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("assets/leak.txt and 1 other file(s)", error.Message);
    }

    [Fact]
    public void A_compressed_file_written_with_its_text_at_hand_is_looked_through_as_that_text_not_inflated_and_not_read_back()
    {
        using var folder = new TempFolder();
        var withheld = Withheld(Secret);
        using var site = new WriteSite(folder.PathOf("public"));
        site.Audit = new WrittenAudit(withheld);

        // (bytes that inflate to another text than the one given, so that only the text given can hold the passage)
        site.Write(new OutputFile("search/meta/0.abcd1234.json", IndexFile.Gzip(Utf8("{\"t\":\"无关\"}"))) { Text = Utf8($"{{\"t\":\"{Secret}\"}}") });

        Assert.Empty(site.FilesToAudit(default));
        Assert.Equal([(Secret, "search/meta/0.abcd1234.json")], Found((WrittenAudit)site.Audit));
    }
}
