using System.Text;
using System.Text.Json;
using Gazette.Rendering;

namespace Gazette.Search;

/// <summary>
/// Reads a search index written by <see cref="SearchIndexWriter"/> from a folder and answers queries the way the browser
/// client does (docs/search-index.md). Used by tests and the benchmark to check what the written files can find.
/// </summary>
public sealed class SearchIndexReader
{
    private readonly string _folder;
    private readonly string _basePath;
    private readonly JsonElement _manifest;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <param name="searchFolder">the index's folder, search/ at the root of the site's folder.</param>
    /// <param name="basePath">the site's base path, which the documents' addresses begin with.</param>
    public SearchIndexReader(string searchFolder, string basePath = "/")
    {
        _folder = searchFolder;
        _basePath = basePath;
        _manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(searchFolder, "manifest.json"))).RootElement;
        Documents = _manifest.GetProperty("documents").GetInt32();
    }

    public int Documents { get; }

    /// <summary>The bytes read from disk so far (compressed), as a browser would transfer them.</summary>
    public long BytesRead { get; private set; }

    public sealed record Result(int Id, int TitleHits, bool NumberMatch);

    /// <summary>Every document matching the query, in relevance order.</summary>
    public IReadOnlyList<Result> Search(string text)
    {
        var query = SearchQuery.Parse(text);
        var numberMatches = new HashSet<int>();
        if (Tokenizer.LooksLikeDocumentNumber(text) && Tokenizer.DocumentNumberKey(text) is { Length: > 0 } key)
        {
            numberMatches.UnionWith(Lookup(SearchIndexWriter.DocumentNumberPrefix + key).All);
        }

        var terms = query.Terms.ToList();
        IEnumerable<int> matches = numberMatches;
        var titleHits = new Dictionary<int, int>();
        if (terms.Count > 0)
        {
            HashSet<int>? all = null;
            foreach (var term in terms)
            {
                var (ids, title) = Lookup(term);
                if (all is null)
                {
                    all = [.. ids];
                }
                else
                {
                    all.IntersectWith(ids);
                }

                foreach (var id in title)
                {
                    titleHits[id] = titleHits.GetValueOrDefault(id) + 1;
                }
            }

            var phrases = query.Clauses.Where(c => c.IsPhrase).Select(c => Tokenizer.Normalize(c.Text)).ToList();
            matches = all!.Where(id => phrases.Count == 0 || phrases.All(Text(id).Contains)).Union(numberMatches);
        }

        return matches
            .Select(id => new Result(id, titleHits.GetValueOrDefault(id), numberMatches.Contains(id)))
            .OrderByDescending(r => r.NumberMatch)
            .ThenByDescending(r => r.TitleHits)
            .ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>The postings of one term: every document with it, and those with it in the title or number.</summary>
    public (IReadOnlyList<int> All, IReadOnlyList<int> Title) Lookup(string term)
    {
        var terms = _manifest.GetProperty("terms");
        var utf8 = Encoding.UTF8.GetBytes(term);
        var chunk = SearchIndexWriter.ChunkOf(utf8, terms.GetProperty("count").GetInt32());
        var data = Read($"terms/{chunk}.{GroupOf(terms, chunk)}.bin");
        var offset = 0;
        var count = (int)Posting.ReadVarint(data, ref offset);
        for (var i = 0; i < count; i++)
        {
            var length = (int)Posting.ReadVarint(data, ref offset);
            var found = data.AsSpan(offset, length).SequenceEqual(utf8);
            offset += length;
            var all = ReadPosting(data, ref offset);
            var title = ReadPosting(data, ref offset);
            if (found)
            {
                return (all, title);
            }
        }

        return ([], []);
    }

    /// <summary>The metadata of a document as its shard stores it.</summary>
    public JsonElement Metadata(int id)
    {
        var meta = _manifest.GetProperty("meta");
        var shard = id / meta.GetProperty("shardSize").GetInt32();
        var data = Read($"meta/{shard}.{GroupOf(meta, shard)}.json");
        return JsonDocument.Parse(data).RootElement[id % meta.GetProperty("shardSize").GetInt32()];
    }

    /// <summary>
    /// A document's searchable text, normalised as the tokenizer does, for checking phrases: made as the search page makes it,
    /// from its record (title, number, summary or snippet, organs) and the body its page holds (<see cref="PageText"/>).
    /// </summary>
    public string Text(int id)
    {
        var meta = Metadata(id);
        var url = meta.GetProperty("u").GetString()!;
        var page = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(_folder))!, url[_basePath.Length..], "index.html"));
        var summary = meta.TryGetProperty("m", out var m) ? m.GetString() : meta.GetProperty("s").GetString();
        return Tokenizer.Normalize(string.Join('\n', meta.GetProperty("t").GetString(), meta.GetProperty("n").GetString(), summary,
            meta.GetProperty("o").GetString(), PageText.Of(page)));
    }

    private List<int> ReadPosting(byte[] data, ref int offset)
    {
        if (data[offset] != Posting.External)
        {
            return Posting.Decode(data, ref offset);
        }

        offset++;
        Posting.ReadVarint(data, ref offset);
        var hash = IndexFile.Hex(data[offset..(offset + IndexFile.HashBytes)]);
        offset += IndexFile.HashBytes;
        var external = Read($"postings/{hash}.bin");
        var at = 0;
        return Posting.Decode(external, ref at);
    }

    /// <summary>The hash of the group that names file <paramref name="index"/> of a table.</summary>
    private static string GroupOf(JsonElement table, int index) =>
        table.GetProperty("groups")[index / table.GetProperty("groupSize").GetInt32()].GetString()!;

    private byte[] Read(string path)
    {
        if (!_files.TryGetValue(path, out var bytes))
        {
            var compressed = File.ReadAllBytes(Path.Combine(_folder, path));
            BytesRead += compressed.Length;
            _files[path] = bytes = IndexFile.Gunzip(compressed);
        }

        return bytes;
    }
}
