namespace Gazette.Search;

/// <summary>A parsed query: clauses that must all match; phrases are clauses written in quotes.</summary>
public sealed record SearchQuery(IReadOnlyList<SearchQuery.Clause> Clauses, string Text)
{
    public sealed record Clause(string Text, bool IsPhrase)
    {
        public IReadOnlyList<string> Terms => Tokenizer.QueryTerms(Text);
    }

    private static readonly (char Open, char Close)[] Quotes = [('"', '"'), ('“', '”'), ('「', '」')];

    /// <summary>Splits a query into quoted phrases and whitespace-separated words (docs/search-index.md, Queries).</summary>
    public static SearchQuery Parse(string text)
    {
        var clauses = new List<Clause>();
        var rest = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var quote = Array.FindIndex(Quotes, q => q.Open == text[i]);
            var close = quote >= 0 ? text.IndexOf(Quotes[quote].Close, i + 1) : -1;
            if (close > i)
            {
                AddWords(rest.ToString());
                rest.Clear();
                var phrase = text[(i + 1)..close].Trim();
                if (phrase.Length > 0)
                {
                    clauses.Add(new Clause(phrase, true));
                }

                i = close;
            }
            else
            {
                rest.Append(text[i]);
            }
        }

        AddWords(rest.ToString());
        return new SearchQuery(clauses.Where(c => c.Terms.Count > 0).ToList(), text);

        void AddWords(string words)
        {
            foreach (var word in Tokenizer.Normalize(words).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                clauses.Add(new Clause(word, false));
            }
        }
    }

    public IEnumerable<string> Terms => Clauses.SelectMany(c => c.Terms).Distinct(StringComparer.Ordinal);
}
