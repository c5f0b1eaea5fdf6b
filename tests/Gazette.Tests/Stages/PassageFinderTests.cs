using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;

namespace Gazette.Tests.Stages;

/// <summary>The audit's search of a file's bytes for the withheld passages, given a piece at a time.</summary>
public sealed class PassageFinderTests
{
    private const string Sentence = "经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标";

    private static PassageFinder Finder(params string[] texts) =>
        new WithheldText(texts.Select((t, i) => new WithheldPassage(t, "internal", "sentence", new SourceLocation("content/documents/internal.md", i + 1)))).Finder();

    /// <summary>The passages found in <paramref name="bytes"/> handed over in pieces of the given sizes, in turn.</summary>
    private static List<string> Scan(PassageFinder finder, byte[] bytes, params int[] pieces)
    {
        var scan = finder.NewScan();
        scan.Begin();
        for (var (at, i) = (0, 0); at < bytes.Length; i++)
        {
            var piece = Math.Min(pieces[i % pieces.Length], bytes.Length - at);
            bytes.AsSpan(at, piece).CopyTo(scan.Space);
            scan.Take(piece);
            at += piece;
        }

        scan.Take(0);
        return [.. scan.TakeFound().Select(p => p.Text).Order(StringComparer.Ordinal)];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(82)]
    [InlineData(83)]
    public void A_passage_across_the_end_of_a_full_piece_is_found_wherever_the_end_cuts_it(int bytesBeforeTheEnd)
    {
        // The sentence is 84 bytes of three-byte characters: the end of the piece falls inside a character or between two; at 83
        // only its last byte is in the next piece.
        var filler = new string('x', PassageScan.PieceSize - bytesBeforeTheEnd);

        Assert.Equal([Sentence], Finder(Sentence).In(filler + Sentence + filler).Select(p => p.Text));
    }

    [Fact]
    public void A_passage_is_found_when_the_text_comes_a_byte_at_a_time_or_in_pieces_of_odd_sizes()
    {
        var bytes = Utf8("前言：" + Sentence + "。后记。");

        Assert.Equal([Sentence], Scan(Finder(Sentence), bytes, 1));
        Assert.Equal([Sentence], Scan(Finder(Sentence), bytes, 2, 7, 1, 5));
        Assert.Equal([Sentence], Scan(Finder(Sentence), bytes, 83, 1, 100));
    }

    [Fact]
    public void A_passage_cut_short_by_the_end_of_the_text_is_not_found()
    {
        var bytes = Utf8(Sentence);

        Assert.Empty(Scan(Finder(Sentence), bytes[..^1], 10));
        Assert.Empty(Scan(Finder(Sentence), bytes[1..], 10));
    }

    [Fact]
    public void A_passage_that_begins_another_is_found_alone_and_with_the_longer_one()
    {
        const string title = "关于城区供水管网改造工程的报告";
        const string longer = title + "（第二次审核意见）";
        var finder = Finder(longer, title);

        Assert.Equal([title], finder.In($"<li>{title}</li>").Select(p => p.Text));
        Assert.Equal([title, longer], finder.In($"<li>{longer}</li>").Select(p => p.Text).Order(StringComparer.Ordinal));
        Assert.Equal([title], finder.In($"<li>{longer[..^1]}</li>").Select(p => p.Text));
    }

    [Fact]
    public void Overlapping_passages_and_one_inside_another_are_all_found()
    {
        const string first = "第三标段的造价测算存在较大偏差";
        const string second = "存在较大偏差，建议暂缓招标";
        const string inside = "造价测算存在";
        var finder = Finder(first, second, inside);

        Assert.Equal(new[] { first, second, inside }.Order(StringComparer.Ordinal), finder.In(Sentence).Select(p => p.Text).Order(StringComparer.Ordinal));
        Assert.Equal([inside], finder.In("造价测算存在较大").Select(p => p.Text));
    }

    [Fact]
    public void A_passage_of_five_ascii_characters_is_found_at_every_place_in_a_text()
    {
        var finder = Finder("A-001", Sentence);
        for (var at = 0; at < 20; at++)
        {
            var text = new string('x', at) + "A-001" + new string('y', 20 - at);

            Assert.Equal(["A-001"], finder.In(text).Select(p => p.Text));
        }

        Assert.Empty(finder.In("A-00 A-01 a-001 A_001 A-00\n1"));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_around_a_passage_do_not_hide_it_and_inside_it_break_it()
    {
        var passage = Utf8(Sentence);
        byte[] around = [0xff, 0xe7, 0xbb, .. passage, 0xe7, 0xbb];
        byte[] inside = [.. passage[..30], 0xff, .. passage[30..]];

        Assert.Equal([Sentence], Scan(Finder(Sentence), around, 1024));
        Assert.Empty(Scan(Finder(Sentence), inside, 1024));
    }

    [Fact]
    public void A_passage_holding_a_replacement_character_is_found_where_bytes_that_are_not_utf8_decode_to_it()
    {
        // The decoder makes U+FFFD of bytes that are not UTF-8: such a passage is looked for in the decoded text, as it always was.
        const string passage = "第三标段的造价\uFFFD测算存在较大偏差";
        var finder = Finder(passage, Sentence);
        var cut = Utf8("第三标段的造价");

        Assert.Equal([passage], Scan(finder, [.. cut, 0xe6, 0xb5, .. Utf8("测算存在较大偏差")], 5));
        Assert.Equal([passage], Scan(finder, Utf8(passage), 5));
        Assert.Empty(Scan(finder, Utf8("第三标段的造价测算存在较大偏差"), 5));
    }

    [Fact]
    public void The_passages_found_in_many_random_texts_are_the_ones_the_texts_contain()
    {
        // Passages and texts drawn from a few characters of one, two and three bytes, so that they nearly match everywhere.
        var random = new Random(20261130);
        const string alphabet = "ab字號é0/";
        string Draw(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        for (var round = 0; round < 200; round++)
        {
            var passages = Enumerable.Range(0, random.Next(1, 12)).Select(_ => Draw(random.Next(random.Next(2) == 0 ? 5 : 3, 30))).Distinct().ToArray();
            var text = Draw(random.Next(0, 400));
            foreach (var p in passages.Where(_ => random.Next(3) == 0))
            {
                var at = random.Next(text.Length + 1);
                text = text[..at] + p + text[at..];
            }

            var expected = passages.Where(p => text.Contains(p, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var pieces = Enumerable.Range(0, 4).Select(_ => random.Next(1, 64)).ToArray();

            Assert.Equal(expected, Scan(Finder(passages), Utf8(text), pieces));
        }
    }

    [Fact]
    public void Strings_alike_but_for_their_last_bytes_or_their_middle_are_told_apart()
    {
        // Withheld index numbers share their organ and year with published ones (the grams the search looks up), and differ in
        // their last digits; sentences may share their ends. Texts full of the near ones find only the strings they hold.
        string[] strings =
        [
            "011213813/2012-00003", "011213813/2012-00013", "011213813/2012-0003", "000014349/2019-00016",
            "关于印发某某工作方案的通知（第二批）", "关于印发某某办法的通知（第二批）", "短号", "ab12",
        ];
        var search = new Utf8PassageSearch([.. strings.Select(Utf8)]);
        var random = new Random(20261203);
        string[] near = ["011213813/2012-00004", "011213813/2012-00023", "011213813/2012-0004", "000014349/2019-00017", "关于印发某某工作方案的通知（第三批）", "短", "ab13"];
        for (var round = 0; round < 300; round++)
        {
            var parts = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(4) == 0 ? strings[random.Next(strings.Length)] : near[random.Next(near.Length)]);
            var text = string.Join(random.Next(2) == 0 ? "" : "，", parts);
            var found = new HashSet<int>();

            search.Find(Utf8(text), found);

            Assert.Equal(Enumerable.Range(0, strings.Length).Where(i => text.Contains(strings[i], StringComparison.Ordinal)), found.Order());
        }
    }

    [Fact]
    public void A_scan_reused_for_the_next_text_keeps_nothing_of_the_one_before()
    {
        var finder = Finder(Sentence);
        var scan = finder.NewScan();
        var bytes = Utf8(Sentence);
        scan.Begin();
        bytes.AsSpan(0, 40).CopyTo(scan.Space);
        scan.Take(40);
        scan.Take(0);
        Assert.Empty(scan.TakeFound());

        scan.Begin();
        bytes.AsSpan(40).CopyTo(scan.Space);
        scan.Take(bytes.Length - 40);
        scan.Take(0);

        Assert.Empty(scan.TakeFound());
    }

    [Fact]
    public void Only_index_numbers_are_looked_for_in_file_names()
    {
        var withheld = new WithheldText(
        [
            new WithheldPassage("000014350/2019-00007", "internal", "index number", new SourceLocation("content/documents/internal.md", 4), InPaths: true),
            new WithheldPassage("关于内部审核意见的报告", "internal", "title", new SourceLocation("content/documents/internal.md", 2)),
        ]);
        var finder = withheld.Finder();

        Assert.Equal(["000014350/2019-00007"], finder.InName("documents/000014350/2019-00007.html").Select(p => p.Text));
        Assert.Empty(finder.InName("assets/关于内部审核意见的报告.txt"));
        Assert.Empty(finder.InName("documents/000014350/2019-00008.html"));
    }
}
