namespace Gazette.Model;

/// <summary>The site and its vocabularies: organs, topics, genres and the 主动公开基本目录 tree.</summary>
public sealed class SiteConfiguration
{
    private readonly Dictionary<string, Organ> _organs;
    private readonly Dictionary<string, Topic> _topics;
    private readonly Dictionary<string, Genre> _genres;
    private readonly Dictionary<string, CatalogueEntry> _entries;

    public SiteConfiguration(Site site, IReadOnlyList<Organ> organs, IReadOnlyList<Topic> topics, IReadOnlyList<Genre> genres, IReadOnlyList<CatalogueEntry> catalogue)
    {
        Site = site;
        Organs = organs;
        Topics = topics;
        Genres = genres;
        Catalogue = catalogue;
        _organs = organs.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            _topics.TryAdd(topic.Id, topic);
            _topics.TryAdd(topic.Name, topic);
        }

        _genres = new Dictionary<string, Genre>(StringComparer.Ordinal);
        foreach (var genre in genres)
        {
            _genres.TryAdd(genre.Id, genre);
            _genres.TryAdd(genre.Name, genre);
            foreach (var alias in genre.Aliases)
            {
                _genres.TryAdd(alias, genre);
            }
        }

        _entries = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        foreach (var entry in Flatten(catalogue))
        {
            _entries.TryAdd(entry.Id, entry);
        }
    }

    public Site Site { get; }

    public IReadOnlyList<Organ> Organs { get; }

    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyList<Genre> Genres { get; }

    public IReadOnlyList<CatalogueEntry> Catalogue { get; }

    public Organ? FindOrgan(string id) => _organs.GetValueOrDefault(id);

    /// <summary>A topic by id or by full name.</summary>
    public Topic? FindTopic(string idOrName) => _topics.GetValueOrDefault(idOrName);

    /// <summary>A genre by id, name or alias.</summary>
    public Genre? FindGenre(string idOrName) => _genres.GetValueOrDefault(idOrName);

    public CatalogueEntry? FindEntry(string id) => _entries.GetValueOrDefault(id);

    /// <summary>
    /// A document's legal form: as its front matter writes it, else 行政规范性文件 when its genre is a policy genre
    /// (<c>policy: true</c>) and 其他 otherwise. A 规章 is never derived: it must be written.
    /// </summary>
    public LegalForm LegalFormOf(Document document) =>
        document.LegalForm ?? (FindGenre(document.Genre) is { IsPolicy: true, IsInterpretation: false } ? LegalForm.Normative : LegalForm.Other);

    public IEnumerable<string> TopicNames => Topics.Select(t => t.Name);

    public IEnumerable<string> GenreNames => Genres.Select(g => g.Name);

    public static IEnumerable<CatalogueEntry> Flatten(IEnumerable<CatalogueEntry> entries) =>
        entries.SelectMany(e => Flatten(e.Children).Prepend(e));
}
