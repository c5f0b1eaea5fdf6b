using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Theme;

namespace Gazette.Search;

/// <summary>
/// Writes the facet files of the index (docs/search-index.md): for organ, topic, genre, year, validity and issue, each value
/// that has documents with the ids of its documents. Each facet takes one pass over the documents, the facets side by side.
/// </summary>
internal static class SearchFacets
{
    /// <summary>The facets, in the order they are written and the manifest lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["organ", "topic", "genre", "year", "validity", "issue"];

    /// <summary>Writes every facet and gives the path of each by its name, in the order of <see cref="Names"/>.</summary>
    /// <param name="recall">the last build's file of the same content, which is then not compressed again; null: none.</param>
    /// <param name="known">with a build cache, the digest of what the facets are made from (<see cref="SearchIndexWriter.MetadataInputs"/>):
    /// a facet's file the output folder holds as made from it is not made; null: every file is made.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> Write(Archive archive, UiStrings strings, Action<IndexFile> write, GzipRecall? recall = null,
        Digest128? known = null)
    {
        var documents = archive.Documents;
        var config = archive.Config;
        var views = new ViewFactory(archive, strings);

        var facets = new Dictionary<string, Func<IEnumerable<(string Id, string Label, List<int> Docs)>>>(StringComparer.Ordinal)
        {
            ["organ"] = () => Values(config.Organs, o => o.Id, o => (o.Id, o.Name), documents, d => d.Source.Issuers),
            ["topic"] = () => Values(config.Topics, t => t.Id, t => (t.Id, t.Name), documents, d => config.FindTopic(d.Source.Topic)?.ParentId is { } parent
                ? [d.Source.Topic, parent]
                : [d.Source.Topic]),
            ["genre"] = () => Values(config.Genres, g => g.Id, g => (g.Id, g.Name), documents, d => [d.Source.Genre]),
            ["year"] = () => Values(documents.Select(d => d.Source.Published.Year).Distinct().OrderDescending(), y => y,
                y => (y.ToString(CultureInfo.InvariantCulture), strings.Format("year_label", ("year", y))), documents, d => [d.Source.Published.Year]),
            ["validity"] = () => Values(Enum.GetValues<ValidityStatus>(), s => s, s => (ViewFactory.ValidityKey(s), views.ValidityLabel(s)), documents,
                d => [d.Source.Validity.Status]),
            ["issue"] = () => Values(archive.Issues.AsEnumerable().Reverse().Select(i => i.Issue.Key), k => k,
                k => (string.Create(CultureInfo.InvariantCulture, $"{k.Year}-{k.Number}"), views.IssueLabel(k)), documents,
                d => d.Source.Gazette is { } placement ? [placement.IssueKey] : []),
        };

        // Each facet's file on a thread of its own, then given to write in the facets' order
        var files = new IndexFile[Names.Count];
        Parallel.For(0, Names.Count, f => files[f] = SearchIndexWriter.Known(known, Names[f], recall) ?? SearchIndexWriter.Made(known, Names[f], () =>
        {
            // {"values":[{"id":…,"label":…,"docs":[deltas]},…]}, written field by field
            var name = Names[f];
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, SearchIndexWriter.JsonWriter))
            {
                json.WriteStartObject();
                json.WriteStartArray("values");
                foreach (var (id, label, docs) in facets[name]().Where(v => v.Docs.Count > 0))
                {
                    json.WriteStartObject();
                    json.WriteString("id", id);
                    json.WriteString("label", label);
                    SearchIndexWriter.WriteDeltas(json, "docs", docs);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return IndexFile.Hashed("facets", name, ".json", buffer.WrittenSpan, recall);
        }));
        var names = new List<KeyValuePair<string, string>>();
        foreach (var (name, file) in Names.Zip(files))
        {
            write(file);
            names.Add(KeyValuePair.Create(name, file.Path));
        }

        return names;
    }

    /// <summary>
    /// The values of a facet in order, each with the ids of the documents whose <paramref name="keysOf"/> holds the value's key
    /// (each document once, ids increasing), in one pass over the documents. Values sharing a key share their documents.
    /// </summary>
    private static List<(string Id, string Label, List<int> Docs)> Values<TValue, TKey>(
        IEnumerable<TValue> values,
        Func<TValue, TKey> keyOf,
        Func<TValue, (string Id, string Label)> describe,
        IReadOnlyList<PublishedDocument> documents,
        Func<PublishedDocument, IEnumerable<TKey>> keysOf)
        where TKey : notnull
    {
        var result = values.Select(v => (Key: keyOf(v), View: describe(v))).ToList();
        var docs = new Dictionary<TKey, List<int>>();
        foreach (var (key, _) in result)
        {
            docs.TryAdd(key, []);
        }

        for (var id = 0; id < documents.Count; id++)
        {
            foreach (var key in keysOf(documents[id]))
            {
                if (docs.TryGetValue(key, out var list) && (list.Count == 0 || list[^1] != id))
                {
                    list.Add(id);
                }
            }
        }

        return [.. result.Select(v => (v.View.Id, v.View.Label, docs[v.Key]))];
    }
}
