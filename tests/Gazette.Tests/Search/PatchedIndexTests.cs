using System.Collections.Concurrent;
using Gazette.Model;
using Gazette.Output;
using Gazette.Search;
using Gazette.Tests.Stages;

namespace Gazette.Tests.Search;

/// <summary>
/// The index writer patching the last index from its state (<see cref="SearchState"/>), on an archive made in memory large
/// enough for several groups of chunks, bitmaps and postings in files of their own: the index is the one written from scratch.
/// </summary>
public sealed class PatchedIndexTests : IDisposable
{
    private const string Han = "政府办公室关于印发实施意见的通知各区县人民街道部门单位现将方案予以请认真贯彻执行年月日规定第条款项目管理";

    private readonly string _cache = Path.Combine(Path.GetTempPath(), "gazette-state-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _output = Path.Combine(Path.GetTempPath(), "gazette-state-output");

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static (Archive Archive, List<string> Bodies) Corpus()
    {
        // More than 8,192 documents, so that 乡村 (in every document) and 振兴 (in one of eight) have postings in files of their own.
        var random = new Random(7);
        var documents = new List<Document>();
        var bodies = new List<string>();
        for (var i = 0; i < 8_400; i++)
        {
            var words = Enumerable.Range(0, random.Next(2, 12)).Select(_ => Han.Substring(random.Next(Han.Length - 3), random.Next(1, 4)));
            bodies.Add($"乡村{(i % 8 == 0 ? "振兴" : "")}{string.Join(random.Next(3) == 0 ? " " : "", words)} PPP{random.Next(40)}\n第二段。");
            documents.Add(Stage.Document($"d{i}", "关于" + Han.Substring(i % 30, 4) + "的通知") with
            {
                DocNumber = i % 3 == 0 ? null : $"测府发〔{2000 + (i % 20)}〕{i % 97}号",
                Published = new DateOnly(2019, 1, 1).AddDays(-(i / 12)),
            });
        }

        return (SearchIndexWriterTests.Archive(Stage.Config(), documents), bodies);
    }

    /// <summary>Every file the writer gives, by path.</summary>
    /// <param name="save">the writer of the index's state, made once every document is added.</param>
    private static Dictionary<string, byte[]> Write(SearchIndexWriter writer, Archive archive, IReadOnlyList<string> bodies, Func<SearchStateWriter>? save = null)
    {
        foreach (var batch in archive.Documents.Index().Chunk(256))
        {
            writer.Add([.. batch.Select(d => (d.Item, bodies[d.Index]))]);
        }

        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        using var state = save?.Invoke();
        writer.Finish(archive, SearchIndexWriterTests.Strings, (path, bytes) => Assert.True(files.TryAdd(path, bytes), path), state);
        state?.End();
        state?.Keep();
        return new Dictionary<string, byte[]>(files, StringComparer.Ordinal);
    }

    /// <summary>Writes the index of <paramref name="bodies"/>, keeping its state in the cache.</summary>
    private Dictionary<string, byte[]> WriteKeepingState(Archive archive, IReadOnlyList<string> bodies, SearchState? previous = null)
    {
        var writer = new SearchIndexWriter(archive.Config, 3, previous, keepState: true);
        return Write(writer, archive, bodies, () => new SearchStateWriter(_cache, _output, archive.Documents, writer.Digests));
    }

    [Fact]
    public void An_index_patched_after_edits_to_a_few_documents_is_the_one_written_from_scratch()
    {
        var (archive, bodies) = Corpus();
        WriteKeepingState(archive, bodies);
        var edited = bodies.ToList();
        edited[8] = "乡村第二段。"; // leaves 振兴 (a bitmap in a file of its own) and most of its terms
        edited[300] = bodies[300] + " 蘑菇 ppp999"; // new terms
        edited[8_399] = "振兴" + bodies[8_399]; // the last document

        var previous = SearchState.Load(_cache, _output, archive.Documents);
        Assert.NotNull(previous);
        var patcher = new SearchIndexWriter(archive.Config, 2, previous, keepState: false);
        var patched = Write(patcher, archive, edited);

        Assert.Equal(3, patcher.Indexed);
        var clean = Write(new SearchIndexWriter(archive.Config, 1), archive, edited);
        Assert.Equal(clean.Keys.Order(StringComparer.Ordinal), patched.Keys.Order(StringComparer.Ordinal));
        Assert.All(clean, f => Assert.True(f.Value.AsSpan().SequenceEqual(patched[f.Key]), $"{f.Key} differs from the clean index's"));
    }

    [Fact]
    public void A_state_kept_by_a_patched_index_patches_the_next_one()
    {
        var (archive, bodies) = Corpus();
        WriteKeepingState(archive, bodies);
        var once = bodies.ToList();
        once[5] = "蘑菇";
        WriteKeepingState(archive, once, SearchState.Load(_cache, _output, archive.Documents));
        var twice = once.ToList();
        twice[5] = bodies[5];
        twice[6] = "香菇";

        var patcher = new SearchIndexWriter(archive.Config, 2, SearchState.Load(_cache, _output, archive.Documents), keepState: false);
        var patched = Write(patcher, archive, twice);

        Assert.Equal(2, patcher.Indexed);
        var clean = Write(new SearchIndexWriter(archive.Config, 1), archive, twice);
        Assert.Equal(clean.Keys.Order(StringComparer.Ordinal), patched.Keys.Order(StringComparer.Ordinal));
        Assert.All(clean, f => Assert.True(f.Value.AsSpan().SequenceEqual(patched[f.Key]), $"{f.Key} differs from the clean index's"));
    }

    /// <summary>
    /// Writes the index with a recall of <paramref name="before"/>'s files by the key of their content, keeping its state: a file
    /// recalled is not given, its path is in the second list.
    /// </summary>
    private (Dictionary<string, IndexFile> Files, List<string> Recalled) WriteRecalling(Archive archive, IReadOnlyList<string> bodies, SearchState? previous, IReadOnlyDictionary<string, IndexFile>? before)
    {
        var byKey = before?.Values.Where(f => !f.Key.IsNone).ToDictionary(f => f.Key, f => (f.Path, System.Security.Cryptography.SHA256.HashData(f.Bytes)));
        var writer = new SearchIndexWriter(archive.Config, 2, previous, keepState: true);
        foreach (var batch in archive.Documents.Index().Chunk(256))
        {
            writer.Add([.. batch.Select(d => (d.Item, bodies[d.Index]))]);
        }

        var files = new ConcurrentDictionary<string, IndexFile>(StringComparer.Ordinal);
        var recalled = new ConcurrentBag<string>();
        using var state = new SearchStateWriter(_cache, _output, archive.Documents, writer.Digests);
        writer.Finish(archive, SearchIndexWriterTests.Strings, file =>
        {
            if (file.Recalled is null)
            {
                Assert.True(files.TryAdd(file.Path, file), file.Path);
            }
            else
            {
                recalled.Add(file.Path);
                Assert.True(files.TryAdd(file.Path, before![file.Recalled] with { Path = file.Path }), file.Path);
            }
        }, state, key => byKey?.TryGetValue(key, out var found) == true ? found : null);
        state.End();
        state.Keep();
        return (new Dictionary<string, IndexFile>(files, StringComparer.Ordinal), [.. recalled]);
    }

    [Fact]
    public void A_document_whose_terms_and_number_changed_is_patched_out_of_every_chunk_it_was_in_and_the_index_is_the_one_written_from_scratch()
    {
        var (archive, bodies) = Corpus();
        var (first, _) = WriteRecalling(archive, bodies, null, null);
        var edited = bodies.ToList();
        edited[8] = "乡村第二段。"; // most of its terms gone
        edited[300] = bodies[300] + " 蘑菇 ppp999"; // new terms
        var renumbered = Enumerable.Range(10, 100).First(id => archive.Documents[id].Source.DocNumber is not null);
        var changed = SearchIndexWriterTests.Archive(archive.Config, archive.Documents.Select((d, id) =>
            id == renumbered ? d.Source with { DocNumber = "测府发〔2031〕7号" } : d.Source));

        var (patched, _) = WriteRecalling(changed, edited, SearchState.Load(_cache, _output, changed.Documents), first);

        var clean = Write(new SearchIndexWriter(archive.Config, 1), changed, edited);
        Assert.Equal(clean.Keys.Order(StringComparer.Ordinal), patched.Keys.Order(StringComparer.Ordinal));
        Assert.All(clean, f => Assert.True(f.Value.AsSpan().SequenceEqual(patched[f.Key].Bytes), $"{f.Key} differs from the clean index's"));
    }

    /// <summary>The term chunk count a manifest written by the index writer gives.</summary>
    private static int ChunkCount(IReadOnlyDictionary<string, IndexFile> files) =>
        System.Text.Json.JsonDocument.Parse(files["manifest.json"].Bytes).RootElement.GetProperty("terms").GetProperty("count").GetInt32();

    [Fact]
    public void A_chunk_no_changed_term_reaches_is_kept_by_its_key_and_only_the_chunks_reached_are_made()
    {
        var (archive, bodies) = Corpus();
        var (first, _) = WriteRecalling(archive, bodies, null, null);
        var edited = bodies.ToList();
        edited[300] = bodies[300] + " 蘑菇"; // two new terms, and one: a few chunks reached, at the same count

        var (patched, recalled) = WriteRecalling(archive, edited, SearchState.Load(_cache, _output, archive.Documents), first);

        var clean = Write(new SearchIndexWriter(archive.Config, 1), archive, edited);
        Assert.Equal(ChunkCount(first), ChunkCount(patched));
        var chunks = patched.Keys.Count(p => p.StartsWith("terms/", StringComparison.Ordinal));
        var made = patched.Keys.Count(p => p.StartsWith("terms/", StringComparison.Ordinal) && !recalled.Contains(p));
        Assert.InRange(made, 1, 3);
        Assert.True(chunks > 20, $"{chunks} chunks");
        Assert.Equal(clean.Keys.Order(StringComparer.Ordinal), patched.Keys.Order(StringComparer.Ordinal));
        Assert.All(clean, f => Assert.True(f.Value.AsSpan().SequenceEqual(patched[f.Key].Bytes), $"{f.Key} differs from the clean index's"));

        // and the state kept then patches the next build as well
        var again = edited.ToList();
        again[300] = bodies[300];
        var (twice, _) = WriteRecalling(archive, again, SearchState.Load(_cache, _output, archive.Documents), patched);
        var cleanAgain = Write(new SearchIndexWriter(archive.Config, 1), archive, again);
        Assert.Equal(cleanAgain.Keys.Order(StringComparer.Ordinal), twice.Keys.Order(StringComparer.Ordinal));
        Assert.All(cleanAgain, f => Assert.True(f.Value.AsSpan().SequenceEqual(twice[f.Key].Bytes), $"{f.Key} differs from the clean index's"));
    }

    [Fact]
    public void When_the_chunk_count_changes_every_term_goes_to_its_chunk_anew_and_the_index_is_the_one_written_from_scratch()
    {
        var (archive, bodies) = Corpus();
        var (first, _) = WriteRecalling(archive, bodies, null, null);
        var edited = bodies.ToList();
        edited[42] = string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"新词{i}")); // thousands of new terms: more chunks

        var (patched, _) = WriteRecalling(archive, edited, SearchState.Load(_cache, _output, archive.Documents), first);

        var clean = Write(new SearchIndexWriter(archive.Config, 1), archive, edited);
        Assert.True(ChunkCount(patched) > ChunkCount(first), $"{ChunkCount(first)} → {ChunkCount(patched)} chunks");
        Assert.Equal(clean.Keys.Order(StringComparer.Ordinal), patched.Keys.Order(StringComparer.Ordinal));
        Assert.All(clean, f => Assert.True(f.Value.AsSpan().SequenceEqual(patched[f.Key].Bytes), $"{f.Key} differs from the clean index's"));
    }

    [Fact]
    public void A_state_of_other_documents_or_another_order_is_not_used()
    {
        var (archive, bodies) = Corpus();
        WriteKeepingState(archive, bodies);
        var reordered = SearchIndexWriterTests.Archive(archive.Config, archive.Documents.Select(d => d.Source).Reverse());
        var fewer = SearchIndexWriterTests.Archive(archive.Config, archive.Documents.Skip(1).Select(d => d.Source));

        Assert.NotNull(SearchState.Load(_cache, _output, archive.Documents));
        Assert.Null(SearchState.Load(_cache, _output, reordered.Documents));
        Assert.Null(SearchState.Load(_cache, _output, fewer.Documents));
        Assert.Null(SearchState.Load(_cache, _output + "-other", archive.Documents));
    }
}
