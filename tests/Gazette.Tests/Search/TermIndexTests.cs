using Gazette.Search;

namespace Gazette.Tests.Search;

public sealed class TermIndexTests
{
    private static readonly string[] Texts = ["乡村振兴战略", "推进PPP项目", "𠀀字乡村", "2019年乡村", "ＰＰＰ"];

    private static Dictionary<string, List<int>> Decode(TermIndex index) =>
        index.Terms().ToDictionary(t => t.Term, t =>
        {
            var bytes = index.Encode(t.Slot);
            var offset = 0;
            return Posting.Decode(bytes, ref offset);
        });

    /// <summary>Many texts with common, rare and repeated Han characters and pairs, words, numbers and a character outside the BMP.</summary>
    private static List<string> ManyTexts()
    {
        const string han = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";
        var random = new Random(7);
        return [.. Enumerable.Range(0, 300).Select(i => string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => random.Next(20) switch
        {
            0 => " ",
            1 => "ppp ",
            2 => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "号",
            3 => "𠀀",
            4 => "乡村",
            _ => han[random.Next(i % 3 == 0 ? 20 : han.Length)].ToString(),
        })))];
    }

    [Fact]
    public void Shards_built_apart_hold_together_the_terms_and_postings_of_one_index_of_all_documents()
    {
        var texts = ManyTexts();
        var whole = new TermIndex();
        var shards = Enumerable.Range(0, 3).Select(s => new TermIndex(s, 3)).ToList();
        for (var id = 0; id < texts.Count; id++)
        {
            whole.AddText(texts[id], id);
            whole.AddTerm("#测府发" + (id % 50), id);
            foreach (var shard in shards)
            {
                shard.AddText(texts[id], id);
                shard.AddTerm("#测府发" + (id % 50), id);
            }
        }

        var expected = Decode(whole);
        var parts = shards.Select(Decode).ToList();
        Assert.All(parts, p => Assert.NotEmpty(p));
        Assert.Equal(expected.Count, parts.Sum(p => p.Count));
        foreach (var (term, ids) in expected)
        {
            var shard = TermIndex.ShardOf(TermKey.Of(term), 3);
            Assert.Equal(ids, parts[shard][term]);
            Assert.Equal(whole.CountOf(whole.Find(term)), shards[shard].CountOf(shards[shard].Find(term)));
            Assert.All(Enumerable.Range(0, 3).Where(s => s != shard), s => Assert.Equal(-1, shards[s].Find(term)));
        }

        Assert.Equal(Enumerable.Range(0, 300).Where(id => id % 50 == 7), expected["#测府发7"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Terms_collected_once_per_document_give_the_index_of_its_text(int shardCount)
    {
        // A text long enough to grow the collector's set past its first size, in the middle of the texts, so that what it
        // leaves behind when cleared would show in the next ones. The index expected is made from the tokenizer's terms of
        // each text (each once) and its number, each term in the shard ShardOf gives it.
        var texts = ManyTexts();
        texts.Insert(150, string.Concat(Enumerable.Range(0x4E00, 6000).Select(c => char.ConvertFromUtf32(c) + (c % 7 == 0 ? "ab1 " : ""))));
        var expected = Enumerable.Range(0, shardCount).Select(_ => new Dictionary<string, List<int>>(StringComparer.Ordinal)).ToList();
        var collected = Enumerable.Range(0, shardCount).Select(s => new TermIndex(s, shardCount)).ToList();
        var collector = new DocumentTerms.Collector();
        for (var id = 0; id < texts.Count; id++)
        {
            var number = id % 4 == 0 ? null : "#测府发" + (id % 50);
            var tokenized = Tokenizer.IndexTerms(texts[id]).Concat(number is null ? [] : [number]).ToList();
            var terms = DocumentTerms.Of(texts[id], number, shardCount, collector);
            Assert.Equal(tokenized.Count, terms.Count);
            foreach (var term in tokenized)
            {
                var postings = expected[TermIndex.ShardOf(TermKey.Of(term), shardCount)];
                (postings.TryGetValue(term, out var ids) ? ids : postings[term] = []).Add(id);
            }

            foreach (var shard in collected)
            {
                shard.Add(terms, id);
            }
        }

        for (var s = 0; s < shardCount; s++)
        {
            Assert.NotEmpty(expected[s]);
            Assert.Equal(expected[s].OrderBy(t => t.Key, StringComparer.Ordinal), Decode(collected[s]).OrderBy(t => t.Key, StringComparer.Ordinal));
        }

        Assert.Throws<ArgumentException>(() => new TermIndex(0, shardCount + 1).Add(DocumentTerms.Of("乡村", null, shardCount), 0));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    [InlineData(2, 400)]
    public void Terms_added_a_batch_at_a_time_give_the_postings_of_documents_added_one_at_a_time(int shardCount, int batchSize)
    {
        // Every fifth document is not added (null in its batch), as a document whose terms the last build's state gives
        var texts = ManyTexts();
        texts.Insert(100, string.Concat(Enumerable.Range(0x4E00, 3000).Select(char.ConvertFromUtf32)));
        var terms = texts.Select((text, id) => id % 5 == 3 ? null : DocumentTerms.Of(text, id % 3 == 0 ? "#测府发" + (id % 40) : null, shardCount)).ToArray();
        var one = Enumerable.Range(0, shardCount).Select(s => new TermIndex(s, shardCount)).ToList();
        var batched = Enumerable.Range(0, shardCount).Select(s => new TermIndex(s, shardCount)).ToList();
        for (var id = 0; id < terms.Length; id++)
        {
            if (terms[id] is { } documentTerms)
            {
                one.ForEach(shard => shard.Add(documentTerms, id));
            }
        }

        for (var first = 0; first < terms.Length; first += batchSize)
        {
            var batch = terms.AsSpan(first, Math.Min(batchSize, terms.Length - first));
            foreach (var shard in batched)
            {
                shard.Add(batch, first);
            }
        }

        for (var s = 0; s < shardCount; s++)
        {
            var expected = Decode(one[s]);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.OrderBy(t => t.Key, StringComparer.Ordinal), Decode(batched[s]).OrderBy(t => t.Key, StringComparer.Ordinal));
        }

        Assert.Equal(Enumerable.Range(0, terms.Length).Where(id => id % 5 != 3 && texts[id].Contains("乡村", StringComparison.Ordinal)),
            Decode(batched[TermIndex.ShardOf(TermKey.Of("乡村"), shardCount)])["乡村"]);
        Assert.Throws<ArgumentException>(() => new TermIndex(0, shardCount + 1).Add([DocumentTerms.Of("乡村", null, shardCount)], 0));
    }

    [Theory]
    [InlineData(0x3007)]
    [InlineData(0x3400)]
    [InlineData(0x4E00)]
    [InlineData(0x9FFF)]
    [InlineData(0xFAFF)]
    [InlineData(0x20000)]
    [InlineData(0x3134F)]
    public void A_Han_key_is_sorted_packed_and_given_back_as_it_was(int codePoint)
    {
        foreach (var key in new[] { TermKey.HanKey(codePoint), TermKey.PairKey(codePoint, 0x4E00), TermKey.PairKey(0x3007, codePoint) })
        {
            Assert.True(KeySorter.TryPack(key, out var packed));
            Assert.True(packed < 1UL << 37);
            Assert.Equal(key, KeySorter.Unpack(packed));
        }
    }

    [Fact]
    public void A_key_beyond_the_Han_characters_is_not_packed()
    {
        // Not made by the tokenizer (no Han character is above U+3134F): such a batch would be added document by document
        Assert.False(KeySorter.TryPack(TermKey.HanKey(0x40000), out _));
        Assert.False(KeySorter.TryPack(TermKey.PairKey(0x40000, 0x4E00), out _));
        Assert.False(KeySorter.TryPack(1L << 43, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_terms_and_digest_of_a_texts_parts_are_those_of_the_parts_joined_by_line_breaks(int shardCount)
    {
        // Parts that would make a pair or a word across their ends if they were run together, a missing part, and room for the
        // Han keys too small at first, then large enough
        string?[] parts = ["国务院办公厅关于", null, "加强ab", "cd数字政府建设的指导意见", "国办发〔2022〕39号"];
        var joined = string.Join('\n', parts);
        long[]? room = new long[3];
        var whole = DocumentTerms.Of(joined, "#国办发2022", shardCount);
        var hanCount = Enumerable.Range(0, shardCount).Sum(s => whole.Han(s).Length);
        long[]? grown = null;
        for (var round = 0; round < 2; round++)
        {
            var split = DocumentTerms.Of(parts, "#国办发2022", shardCount, null, ref room);
            Assert.Equal(whole.Count, split.Count);
            for (var s = 0; s < shardCount; s++)
            {
                Assert.Equal(whole.Han(s).ToArray(), split.Han(s).ToArray());
                Assert.Equal(whole.Words(s).ToArray(), split.Words(s).ToArray());
            }

            // The room made for the keys is kept, and used again for the next text
            Assert.True(room!.Length >= hanCount);
            Assert.Same(grown ?? room, room);
            grown = room;
        }

        Assert.Equal(SearchState.DigestOf(joined, "标题"), SearchState.DigestOf(parts, "标题"));
        Assert.NotEqual(SearchState.DigestOf(joined, "标题"), SearchState.DigestOf(parts.Where(p => p is not null).ToArray(), "标题"));
    }

    [Fact]
    public void The_postings_are_those_of_the_texts()
    {
        var index = new TermIndex();
        for (var id = 0; id < Texts.Length; id++)
        {
            index.AddText(Texts[id], id);
        }

        var postings = Decode(index);
        Assert.Equal([0, 2, 3], postings["乡村"]);
        Assert.Equal([1, 4], postings["ppp"]);
        Assert.Equal([2], postings["𠀀字"]);
        Assert.Equal([2], postings["𠀀"]);
        Assert.Equal([3], postings["2019"]);
    }

    [Fact]
    public void The_terms_are_those_of_the_tokenizer()
    {
        var index = new TermIndex();
        index.AddText(Texts[0], 0);
        Assert.Equal(Tokenizer.IndexTerms(Texts[0]).Order(StringComparer.Ordinal), index.Terms().Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.Equal(1, index.CountOf(index.Find("振兴")));
        Assert.Equal(-1, index.Find("兴乡"));
        Assert.Equal(-1, index.Find("ppp"));
    }

    [Theory]
    [InlineData("乡")]
    [InlineData("乡村")]
    [InlineData("𠀀字")]
    [InlineData("〇𠀀")]
    [InlineData("ppp")]
    [InlineData("#测府发201916")]
    [InlineData("乡村振兴")]
    public void A_term_key_gives_back_the_term_and_its_UTF_8_bytes(string term)
    {
        var key = TermKey.Of(term);
        Assert.Equal(term, key.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(term), key.ToUtf8());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(term), key.Utf8Length);
        Assert.Equal(term.EnumerateRunes().Count() <= 2 && term.EnumerateRunes().All(r => Tokenizer.IsHan(r.Value)), key.Word is null);
    }
}
