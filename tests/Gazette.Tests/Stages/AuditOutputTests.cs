using System.IO.Compression;
using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

/// <summary>The audit of a built site's folder, on folders written by hand.</summary>
public sealed class AuditOutputTests : IDisposable
{
    private const string Title = "关于城区供水管网改造工程内部审核意见的报告";
    private const string Sentence = "经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标";
    private const string IndexNumber = "000014350/2019-00007";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gazette-audit-" + Guid.NewGuid().ToString("N")[..12]);

    private static readonly WithheldText Withheld = new(
    [
        new WithheldPassage(Title, "internal", "title", new SourceLocation("content/documents/internal.md", 2, 1)),
        new WithheldPassage(IndexNumber, "internal", "index number", new SourceLocation("content/documents/internal.md", 4, 1), InPaths: true),
        new WithheldPassage(Sentence, "internal", "sentence", new SourceLocation("content/documents/internal.md", 15, 1)),
    ]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Every file of the folder, as the build gives them to the audit: its path in the site and on disk.</summary>
    private List<(string Name, string File)> Files() =>
        [.. Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(_folder, f).Replace('\\', '/'), f))];

    private List<Diagnostic> Audit()
    {
        var diagnostics = new DiagnosticBag();
        new AuditOutput().Run(Files(), Withheld, diagnostics);
        return [.. diagnostics.Items];
    }

    [Fact]
    public void A_clean_folder_gives_no_error_and_every_file_is_counted()
    {
        Write("index.html", Encoding.UTF8.GetBytes("<h1>关于做好防汛工作的通知</h1>"));
        Write("search/text/1.txt", Gzip(Encoding.UTF8.GetBytes("防汛")));
        Write("assets/logo.png", Encoding.UTF8.GetBytes(Title)); // an image holds no text to look through

        var diagnostics = new DiagnosticBag();
        var files = new AuditOutput().Run(Files(), Withheld, diagnostics);

        Assert.Equal(3, files);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_passage_in_several_files_is_one_error_at_the_withheld_document_naming_the_first_file_and_counting_the_others()
    {
        Write("b.html", Encoding.UTF8.GetBytes($"<p>{Sentence}</p>"));
        Write("a/c.html", Encoding.UTF8.GetBytes($"<p>{Sentence}。</p>"));
        Write("d.json", Encoding.UTF8.GetBytes($"{{\"text\":\"{Sentence}\"}}"));

        var error = Assert.Single(Audit());

        Assert.Equal(Codes.WithheldTextPublished, error.Code);
        Assert.Equal("content/documents/internal.md:15:1", error.Location.ToString());
        Assert.Equal($"the sentence of this document, which is not published, appears in the built site: \"{Sentence}\" in a/c.html and 2 other file(s)", error.Message);
    }

    [Fact]
    public void A_passage_across_the_first_megabyte_of_inflated_gzip_data_is_found()
    {
        // The sentence's 84 bytes begin 40 bytes before the end of the first megabyte of inflated data.
        var text = Encoding.UTF8.GetBytes(new string('y', PassageScan.PieceSize - 40) + Sentence + new string('y', 3000));
        Write("search/text/7.a1b2c3d4.txt", Gzip(text));

        var error = Assert.Single(Audit());

        Assert.EndsWith(" in search/text/7.a1b2c3d4.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal(15, error.Location.Line);
    }

    [Fact]
    public void A_passage_at_the_end_of_gzip_data_of_more_than_a_megabyte_is_found()
    {
        // Letters drawn at random hardly compress: the packed file is larger than the first piece read of it.
        var random = new Random(11);
        var letters = new string([.. Enumerable.Range(0, 3 * PassageScan.PieceSize).Select(_ => (char)('a' + random.Next(26)))]);
        var packed = Gzip(Encoding.UTF8.GetBytes(letters + Sentence));
        Assert.True(packed.Length > PassageScan.PieceSize);
        Write("search/text/9.txt", packed);

        var error = Assert.Single(Audit());

        Assert.EndsWith(" in search/text/9.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passage_in_a_file_of_several_megabytes_across_a_piece_boundary_inside_a_character_is_found()
    {
        // 3 MB of Chinese text, the title starting one byte before the end of the third megabyte: its first character is cut.
        var filler = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("第一段正文。", (3 * PassageScan.PieceSize / 18) + 1)));
        Write("data/catalogue.json", [.. filler.AsSpan(0, (3 * PassageScan.PieceSize) - 1), .. Encoding.UTF8.GetBytes(Title), .. filler.AsSpan(0, 100)]);

        var error = Assert.Single(Audit());

        Assert.EndsWith(" in data/catalogue.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void An_index_number_in_a_file_name_is_found_and_a_title_in_a_file_name_is_not_looked_for()
    {
        Write("documents/000014350/2019-00007.html", Encoding.UTF8.GetBytes("<p>正文</p>"));
        Write($"assets/{Title}.txt", Encoding.UTF8.GetBytes("正文"));

        var error = Assert.Single(Audit());

        Assert.Equal("content/documents/internal.md:4:1", error.Location.ToString());
        Assert.EndsWith($"\"{IndexNumber}\" in documents/000014350/2019-00007.html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_data_broken_half_way_is_read_as_bytes_and_what_it_inflated_to_before_the_break_counts_too()
    {
        // Letters drawn at random hardly compress: the data is inflated over many reads, the last of which fails on the checksum.
        var random = new Random(7);
        var letters = new string([.. Enumerable.Range(0, 200_000).Select(_ => (char)('a' + random.Next(26)))]);
        var packed = Gzip(Encoding.UTF8.GetBytes(Title + letters));
        packed[^5] ^= 0xff;
        Write("search/terms/1.bin.txt", packed);
        Write("search/terms/2.txt", [0x1f, 0x8b, .. Encoding.UTF8.GetBytes(Sentence)]);

        var errors = Audit();

        Assert.Equal(["content/documents/internal.md:2:1", "content/documents/internal.md:15:1"], errors.Select(e => e.Location.ToString()));
        Assert.EndsWith(" in search/terms/1.bin.txt", errors[0].Message, StringComparison.Ordinal);
        Assert.EndsWith(" in search/terms/2.txt", errors[1].Message, StringComparison.Ordinal);
    }

    /// <summary>A text in UTF-16, little-endian, after the byte order mark (as Windows' Notepad saves "Unicode").</summary>
    private static byte[] Wide(string text) => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];

    [Fact]
    public void A_passage_in_a_UTF16_text_gzip_compressed_or_not_is_found_across_the_pieces_it_is_taken_in()
    {
        // Han characters before the sentence so that it straddles the end of the first UTF-16 piece (two thirds of a megabyte),
        // and a character outside the BMP (a surrogate pair) cut there in another text
        var before = new string('文', (PassageScan.PieceSize / 3) - 20);
        Write("documents/a/说明.txt.gz", Gzip(Wide(before + Sentence + "。后文")));
        Write("documents/b/名单.txt.gz", Gzip(Wide(new string('文', (PassageScan.PieceSize / 3) - 9) + "𠀀" + Title)));
        Write("assets/notes.txt", Wide("前文" + Sentence));
        Write("documents/c/通知.txt.gz", Gzip(Wide("防汛工作的通知"))); // clean

        var errors = Audit();

        Assert.Equal(["content/documents/internal.md:2:1", "content/documents/internal.md:15:1"], errors.Select(e => e.Location.ToString()));
        Assert.EndsWith(" in documents/b/名单.txt.gz", errors[0].Message, StringComparison.Ordinal);
        Assert.EndsWith(" in assets/notes.txt and 1 other file(s)", errors[1].Message, StringComparison.Ordinal);
    }
}
