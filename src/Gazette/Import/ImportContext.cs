using Gazette.Model;

namespace Gazette.Import;

/// <summary>What every source reader needs: the site's configuration, the settings, and the genres it has to add.</summary>
internal sealed class ImportContext(SiteConfiguration config, ImportSettings settings)
{
    private readonly SortedDictionary<string, Genre> _newGenres = new(StringComparer.Ordinal);

    public SiteConfiguration Config { get; } = config;

    public ImportSettings Settings { get; } = settings;

    public OrganMatcher Organs { get; } = new(config.Organs);

    /// <summary>Genres the documents use that the site's vocabulary lacks, by id: added to content/genres.yml.</summary>
    public IReadOnlyCollection<Genre> NewGenres => _newGenres.Values;

    /// <summary>The genre field of a title: the site's genre when it has it, else one to add (with a note), else a placeholder.</summary>
    public ImportField GenreField(string title)
    {
        if (GenreGuess.FromTitle(title) is not { } guess)
        {
            var placeholder = AddGenre(new Genre("weiding", "未定文种", [], IsInterpretation: false));
            return new ImportField("genre", FrontMatterText.Quote(placeholder),
                "文种无法从标题得出，暂填“未定文种”；请改为正确的文种", Placeholder: true);
        }

        if (Config.FindGenre(guess.Name) is { } known)
        {
            return new ImportField("genre", FrontMatterText.Quote(known.Name));
        }

        return new ImportField("genre", FrontMatterText.Quote(AddGenre(guess)),
            $"文种“{guess.Name}”不在文种表中，已由导入加入 content/genres.yml；请确认");
    }

    /// <summary>The topic field: the one given on the command line, or 其他 as a placeholder.</summary>
    public ImportField TopicField() =>
        Settings.Topic is { } topic
            ? new ImportField("topic", FrontMatterText.Quote(topic), "主题分类无法从原文得出，按 --topic 填写；请确认")
            : new ImportField("topic", FrontMatterText.Quote("其他"), "主题分类无法从原文得出，暂填“其他”；请改为正确的主题分类", Placeholder: true);

    /// <summary>The issuers field: the organs found, else the one given with --organ, else a value the build rejects.</summary>
    public (ImportField Field, bool Missing) IssuersField(IReadOnlyList<Organ> found, string? body)
    {
        if (found.Count > 0)
        {
            return (new ImportField("issuers", "[" + string.Join(", ", found.Select(o => o.Id)) + "]"), false);
        }

        var named = body is null ? "" : $"（原文为“{body}”）";
        if (Settings.Organ is { } organ)
        {
            return (new ImportField("issuers", "[" + organ + "]", $"发布机构不在 organs.yml 中{named}，按 --organ 填写；请确认或在 organs.yml 中加入该机构"), false);
        }

        return (new ImportField("issuers", "[todo-organ]",
            $"发布机构无法从原文得出或不在 organs.yml 中{named}；请在 organs.yml 中加入该机构（含 code），或以 --organ 重新导入", Placeholder: true), true);
    }

    private string AddGenre(Genre genre)
    {
        if (Config.FindGenre(genre.Name) is null)
        {
            _newGenres.TryAdd(genre.Id, genre);
        }

        return genre.Name;
    }
}
