using Gazette.Model;

namespace Gazette.Import;

/// <summary>
/// Finds the site's organs (organs.yml) in a text by their full name, their short name or their name without
/// 中华人民共和国; where names overlap the longest wins (全国人民代表大会常务委员会 over 全国人民代表大会).
/// </summary>
internal sealed class OrganMatcher
{
    private const string Country = "中华人民共和国";
    private readonly List<(string Name, Organ Organ)> _names;

    public OrganMatcher(IEnumerable<Organ> organs)
    {
        _names = [];
        foreach (var organ in organs)
        {
            foreach (var name in new[] { organ.Name, organ.ShortName, organ.Name.StartsWith(Country, StringComparison.Ordinal) ? organ.Name[Country.Length..] : "" })
            {
                if (name.Length >= 2 && !_names.Exists(n => n.Name == name))
                {
                    _names.Add((name, organ));
                }
            }
        }

        _names.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length) is var byLength and not 0 ? byLength : string.CompareOrdinal(a.Name, b.Name));
    }

    /// <summary>The organs named in the text, in the order they appear, each once.</summary>
    public IReadOnlyList<Organ> Find(string text)
    {
        var taken = new bool[text.Length];
        var found = new List<(int Index, Organ Organ)>();
        foreach (var (name, organ) in _names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (Array.IndexOf(taken, true, at, name.Length) >= 0)
                {
                    continue;
                }

                Array.Fill(taken, true, at, name.Length);
                found.Add((at, organ));
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Organ).Distinct().ToList();
    }
}
