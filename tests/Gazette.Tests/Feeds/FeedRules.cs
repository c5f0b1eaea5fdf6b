using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Gazette.Tests.Feeds;

/// <summary>
/// The rules of RFC 4287 that a schema of Gazette's feeds does not state: each feed and entry has exactly one id, title and
/// updated (whatever the order); an author in the feed or in every entry (4.1.1); a link rel="alternate" in each entry without
/// content (4.1.2) and no two alternates of the same type and hreflang; entry ids unique in their feed; every date an RFC 3339
/// date-time (3.3); ids absolute IRIs (4.2.6); a feed's link rel="self" (4.2.7.2, a SHOULD that Gazette keeps).
/// </summary>
public static partial class FeedRules
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static List<string> Problems(XDocument feed)
    {
        var problems = new List<string>();
        var root = feed.Root!;
        if (root.Name != Atom + "feed")
        {
            return [$"the root is {root.Name}, not atom:feed"];
        }

        ExactlyOne(root, "feed", problems);
        if (!root.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") == "self"))
        {
            problems.Add("the feed has no link rel=\"self\"");
        }

        Alternates(root, "feed", problems);
        var feedHasAuthor = root.Elements(Atom + "author").Any();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, i) in root.Elements(Atom + "entry").Select((e, i) => (e, i)))
        {
            var what = $"entry {i + 1}";
            ExactlyOne(entry, what, problems);
            if (!feedHasAuthor && !entry.Elements(Atom + "author").Any())
            {
                problems.Add($"{what} has no atom:author and neither has the feed");
            }

            if (entry.Element(Atom + "content") is null && !entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"))
            {
                problems.Add($"{what} has neither atom:content nor a link rel=\"alternate\"");
            }

            Alternates(entry, what, problems);
            if (entry.Element(Atom + "id")?.Value is { } id && !ids.Add(id))
            {
                problems.Add($"{what} repeats the id {id}");
            }

            if (entry.Element(Atom + "published")?.Value is { } published && entry.Element(Atom + "updated")?.Value is { } updated
                && DateTimeOffset.Parse(published, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(updated, CultureInfo.InvariantCulture))
            {
                problems.Add($"{what} was updated ({updated}) before it was published ({published})");
            }
        }

        foreach (var date in root.Descendants().Where(e => e.Name == Atom + "updated" || e.Name == Atom + "published"))
        {
            if (!IsRfc3339(date.Value))
            {
                problems.Add($"'{date.Value}' in atom:{date.Name.LocalName} is not an RFC 3339 date-time");
            }
        }

        foreach (var id in root.Descendants(Atom + "id"))
        {
            if (!Uri.TryCreate(id.Value, UriKind.Absolute, out _))
            {
                problems.Add($"the id '{id.Value}' is not an absolute IRI");
            }
        }

        return problems;
    }

    /// <summary>RFC 3339 section 5.6 date-time, with the upper-case T and Z that RFC 4287 requires, and a real date and time.</summary>
    public static bool IsRfc3339(string text) =>
        DateTime3339().IsMatch(text)
        && DateTimeOffset.TryParseExact(text.Replace("Z", "+00:00", StringComparison.Ordinal),
            ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static void ExactlyOne(XElement parent, string what, List<string> problems)
    {
        foreach (var name in new[] { "id", "title", "updated" })
        {
            var count = parent.Elements(Atom + name).Count();
            if (count != 1)
            {
                problems.Add($"the {what} has {count} atom:{name}, not one");
            }
        }
    }

    private static void Alternates(XElement parent, string what, List<string> problems)
    {
        var alternates = parent.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")))
            .Where(g => g.Count() > 1);
        problems.AddRange(alternates.Select(g => $"the {what} has {g.Count()} alternate links of type {g.Key.Item1}"));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+\-]\d{2}:\d{2})$")]
    private static partial Regex DateTime3339();
}
