using System.Text;

namespace Gazette.Bench.Index;

/// <summary>
/// The tokenizer of docs/search-index.md, written again from the document (not Gazette's code), so the benchmark checks what
/// the written index can find by the spec alone. Checked against tests/vectors/tokenizer.json at start.
/// </summary>
public static class SpecTokenizer
{
    private const string NumberIgnored = "〔〕[]【】()（）〖〗﹝﹞{}<>《》〈〉「」『』\"'“”‘’ \t号";

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is >= 0xFF01 and <= 0xFF5E)
            {
                c -= 0xFEE0;
            }
            else if (c == 0x3000)
            {
                c = 0x20;
            }

            if (c is >= 'A' and <= 'Z')
            {
                c += 32;
            }

            sb.Append(new Rune(c).ToString());
        }

        return sb.ToString();
    }

    public static bool IsHan(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F) or 0x3007;

    public static bool IsWord(int c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>Runs of Han code points or of word code points, of normalized text.</summary>
    public static List<(bool Han, List<string> Chars)> Runs(string normalized)
    {
        var runs = new List<(bool, List<string>)>();
        List<string>? current = null;
        var currentHan = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var c = rune.Value;
            var han = IsHan(c);
            var word = !han && IsWord(c);
            if (!han && !word)
            {
                current = null;
                continue;
            }

            if (current is null || currentHan != han)
            {
                current = [];
                currentHan = han;
                runs.Add((han, current));
            }

            current.Add(rune.ToString());
        }

        return runs;
    }

    public static List<string> QueryTerms(string text)
    {
        var terms = new List<string>();
        foreach (var (han, chars) in Runs(Normalize(text)))
        {
            if (!han)
            {
                Add(Cut(string.Concat(chars)));
            }
            else if (chars.Count == 1)
            {
                Add(chars[0]);
            }
            else
            {
                for (var i = 0; i + 1 < chars.Count; i++)
                {
                    Add(chars[i] + chars[i + 1]);
                }
            }
        }

        return terms;

        void Add(string t)
        {
            if (!terms.Contains(t))
            {
                terms.Add(t);
            }
        }
    }

    public static List<string> IndexTerms(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (han, chars) in Runs(Normalize(text)))
        {
            if (!han)
            {
                Add(Cut(string.Concat(chars)));
                continue;
            }

            for (var i = 0; i < chars.Count; i++)
            {
                Add(chars[i]);
                if (i + 1 < chars.Count)
                {
                    Add(chars[i] + chars[i + 1]);
                }
            }
        }

        return terms;

        void Add(string t)
        {
            if (seen.Add(t))
            {
                terms.Add(t);
            }
        }
    }

    private static string Cut(string word)
    {
        var runes = word.EnumerateRunes().ToList();
        return runes.Count <= 32 ? word : string.Concat(runes.Take(32).Select(r => r.ToString()));
    }

    public static string NumberKey(string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in Normalize(text).EnumerateRunes())
        {
            var s = rune.ToString();
            if (!NumberIgnored.Contains(s, StringComparison.Ordinal))
            {
                sb.Append(s);
            }
        }

        return sb.ToString();
    }

    public static bool LooksLikeNumber(string text)
    {
        var n = Normalize(text);
        return n.EnumerateRunes().Any(r => IsHan(r.Value)) && n.Any(c => c is >= '0' and <= '9');
    }

    /// <summary>Checks this tokenizer against the shared vectors; returns the disagreements.</summary>
    public static List<string> CheckVectors(string vectorsFile)
    {
        var problems = new List<string>();
        if (!File.Exists(vectorsFile))
        {
            return problems;
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(vectorsFile));
        foreach (var v in json.RootElement.EnumerateArray())
        {
            var input = v.GetProperty("input").GetString()!;
            Check("normalized", v, Normalize(input));
            Check("document_number", v, NumberKey(input));
            CheckList("query", v, QueryTerms(input));
            CheckList("index", v, IndexTerms(input));
            if (v.TryGetProperty("looks_like_document_number", out var looks) && looks.GetBoolean() != LooksLikeNumber(input))
            {
                problems.Add($"{input}: looks_like_document_number");
            }

            void Check(string name, System.Text.Json.JsonElement e, string actual)
            {
                if (e.TryGetProperty(name, out var expected) && expected.GetString() != actual)
                {
                    problems.Add($"{input}: {name} {expected.GetString()} ≠ {actual}");
                }
            }

            void CheckList(string name, System.Text.Json.JsonElement e, List<string> actual)
            {
                if (e.TryGetProperty(name, out var expected))
                {
                    var list = expected.EnumerateArray().Select(x => x.GetString()!).ToList();
                    var same = name == "index" ? list.ToHashSet().SetEquals(actual) && list.Count == actual.Count : list.SequenceEqual(actual);
                    if (!same)
                    {
                        problems.Add($"{input}: {name} [{string.Join(",", list)}] ≠ [{string.Join(",", actual)}]");
                    }
                }
            }
        }

        return problems;
    }
}
