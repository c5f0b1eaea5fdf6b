using System.Runtime.CompilerServices;
using System.Text;

namespace Gazette.Search;

/// <summary>
/// The search tokenizer, defined once in docs/search-index.md and implemented identically here and in
/// theme/assets/search-tokenizer.js; tests/vectors/tokenizer.json holds the cases both must agree on.
/// Text is normalised (full-width ASCII to half-width, ideographic space to space, A–Z to a–z); runs of Han characters give
/// every character and every overlapping pair (bigram); runs of ASCII letters and digits give one word each.
/// </summary>
public static class Tokenizer
{
    /// <summary>Longer words are cut to this many characters, in the index and in queries alike.</summary>
    public const int MaxWordLength = 32;

    private const string DocumentNumberIgnored = "〔〕[]【】()（）〖〗﹝﹞{}<>《》〈〉「」『』\"'“”‘’ \t号";

    public static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is >= 0xFF01 and <= 0xFF5E)
            {
                c -= 0xFEE0;
            }
            else if (c == 0x3000)
            {
                c = ' ';
            }

            if (c is >= 'A' and <= 'Z')
            {
                c += 'a' - 'A';
            }

            result.Append(char.ConvertFromUtf32(c));
        }

        return result.ToString();
    }

    /// <summary>Han ideographs (basic, extension A, compatibility, the supplementary planes) and 〇.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHan(int c) =>
        c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F or 0x3007;

    /// <summary>ASCII letters and digits, after normalisation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(int c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    /// <summary>
    /// The terms a document's text is indexed under, each once, in order of first appearance: every Han character, every
    /// overlapping Han pair, every word.
    /// </summary>
    public static IReadOnlyList<string> IndexTerms(string text)
    {
        var sink = new StringSink();
        Scan(text, ref sink);
        return sink.Terms;
    }

    /// <summary>Receives the index terms of a text from <see cref="Scan{TSink}"/>, in order, repeats included.</summary>
    public interface ITermSink
    {
        /// <summary>One Han code point.</summary>
        void Han(int codePoint);

        /// <summary>Two adjacent Han code points.</summary>
        void HanPair(int first, int second);

        /// <summary>A word: normalised ASCII letters and digits, at most <see cref="MaxWordLength"/> of them.</summary>
        void Word(ReadOnlySpan<char> word);
    }

    /// <summary>
    /// Finds the index terms of <paramref name="text"/> without allocating: the one definition of index tokenization, used by
    /// <see cref="IndexTerms"/> and by the index writer. Han characters need no normalisation (it touches only ASCII forms).
    /// </summary>
    public static void Scan<TSink>(string text, ref TSink sink)
        where TSink : struct, ITermSink => Scan(text.AsSpan(), ref sink);

    /// <inheritdoc cref="Scan{TSink}(string, ref TSink)"/>
    public static void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITermSink
    {
        Span<char> word = stackalloc char[MaxWordLength];
        var wordLength = 0;
        var inWord = false;
        var previous = -1;
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (c is >= 0xFF01 and <= 0xFF5E)
            {
                c -= 0xFEE0;
            }

            if (c is >= 'A' and <= 'Z')
            {
                c += 'a' - 'A';
            }

            if (IsWordChar(c))
            {
                if (wordLength < MaxWordLength)
                {
                    word[wordLength++] = (char)c;
                }

                inWord = true;
                previous = -1;
                continue;
            }

            if (inWord)
            {
                sink.Word(word[..wordLength]);
                inWord = false;
                wordLength = 0;
            }

            if (IsHan(c))
            {
                if (previous >= 0)
                {
                    sink.HanPair(previous, c);
                }

                sink.Han(c);
                previous = c;
            }
            else
            {
                previous = -1;
            }
        }

        if (inWord)
        {
            sink.Word(word[..wordLength]);
        }
    }

    /// <summary>Collects terms as strings, each once, in order of first appearance.</summary>
    private struct StringSink() : ITermSink
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> Terms { get; } = [];

        public void Han(int codePoint) => Add(char.ConvertFromUtf32(codePoint));

        public void HanPair(int first, int second) => Add(char.ConvertFromUtf32(first) + char.ConvertFromUtf32(second));

        public void Word(ReadOnlySpan<char> word) => Add(word.ToString());

        private void Add(string term)
        {
            if (_seen.Add(term))
            {
                Terms.Add(term);
            }
        }
    }

    /// <summary>
    /// The terms a document must have to contain <paramref name="text"/>: a lone Han character, else the overlapping pairs of
    /// each Han run; each word. Each once, in order of first appearance.
    /// </summary>
    public static IReadOnlyList<string> QueryTerms(string text)
    {
        var terms = new List<string>();
        foreach (var run in Runs(Normalize(text)))
        {
            if (!run.IsHan)
            {
                terms.Add(Word(run));
            }
            else if (run.Chars.Count == 1)
            {
                terms.Add(run.Chars[0]);
            }
            else
            {
                for (var i = 0; i + 1 < run.Chars.Count; i++)
                {
                    terms.Add(run.Chars[i] + run.Chars[i + 1]);
                }
            }
        }

        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The key a document number is found by whatever way it is typed: normalised, brackets, spaces and 号 removed.
    /// 铜府办发〔2019〕16号, 铜府办发[2019]16, 铜府办发（２０１９）１６号 all give 铜府办发201916.
    /// </summary>
    public static string DocumentNumberKey(string number)
    {
        var key = new StringBuilder();
        foreach (var rune in Normalize(number).EnumerateRunes())
        {
            var s = rune.ToString();
            if (!DocumentNumberIgnored.Contains(s, StringComparison.Ordinal))
            {
                key.Append(s);
            }
        }

        return key.ToString();
    }

    /// <summary>Whether a query could be a document number: it has both Han characters and digits.</summary>
    public static bool LooksLikeDocumentNumber(string query)
    {
        var normalized = Normalize(query);
        var runes = normalized.EnumerateRunes().Select(r => r.Value).ToList();
        return runes.Any(IsHan) && runes.Any(c => c is >= '0' and <= '9');
    }

    private static string Word(Run run)
    {
        var word = string.Concat(run.Chars);
        return word.Length > MaxWordLength ? word[..MaxWordLength] : word;
    }

    private sealed record Run(bool IsHan, List<string> Chars);

    private static IEnumerable<Run> Runs(string normalized)
    {
        Run? current = null;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var c = rune.Value;
            bool? han = IsHan(c) ? true : IsWordChar(c) ? false : null;
            if (han is null)
            {
                if (current is not null)
                {
                    yield return current;
                    current = null;
                }

                continue;
            }

            if (current is not null && current.IsHan != han)
            {
                yield return current;
                current = null;
            }

            current ??= new Run(han.Value, []);
            current.Chars.Add(rune.ToString());
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
