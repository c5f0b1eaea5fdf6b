using System.Globalization;

namespace Gazette.Theme;

/// <summary>The interface words of one language, from theme/i18n/&lt;language&gt;.yml.</summary>
public sealed class UiStrings(string language, IReadOnlyDictionary<string, string> strings)
{
    /// <summary>Keys the engine itself uses; a theme must define all of them.</summary>
    public static IReadOnlyList<string> RequiredKeys { get; } =
    [
        "validity_valid", "validity_expired", "validity_repealed", "validity_amended",
        "facet_topics", "facet_organs", "facet_genres", "facet_years", "facet_validity", "catalogue_tree",
        "issue_label", "issue_total_label", "year_label", "page_label",
        "nav_home", "nav_gazette", "nav_catalogue", "not_found_title",
        "period_monthly", "period_quarterly", "period_yearly",
        "home_title", "gazette_title", "catalogue_title", "search_title", "data_title", "column_data_description",
        "feed_title_site", "feed_title_organ", "feed_title_topic", "feed_title_gazette",
        "feed_issue_title", "feed_issue_summary", "feed_issue_section", "feed_section_separator",
        "quote_open", "quote_close", "quote_inner_open", "quote_inner_close", "list_separator",
    ];

    public string Language { get; } = language;

    public IReadOnlyDictionary<string, string> All { get; } = strings;

    public string this[string key] => All.TryGetValue(key, out var value) ? value : key;

    /// <summary>Fills {name} placeholders, e.g. Format("issue_label", ("year", 2019), ("number", 2)).</summary>
    public string Format(string key, params (string Name, object Value)[] values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", System.Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
