using Gazette.Privacy;
using Gazette.Tests.Support;

namespace Gazette.Tests.Privacy;

/// <summary>
/// The scanner over two corpora made by <c>tests/corpora/privacy/generate.py</c>: real public text that holds numbers (no
/// alarm allowed) and real sentences with planted personal data (every item must be caught, exactly).
/// </summary>
public sealed class CorpusTests
{
    private static readonly PersonalDataScanner Scanner = new(new DateOnly(2025, 6, 1));

    private static string Corpus(string name) => Path.Combine(Repository.Root, "tests", "corpora", "privacy", name);

    [Fact]
    public void Real_law_and_seed_text_with_long_numbers_raises_no_alarm()
    {
        var lines = File.ReadAllLines(Corpus("clean.txt"));

        var alarms = lines
            .SelectMany(line => Scanner.Scan(line).Select(m => $"{m.Kind} \"{line.Substring(m.Start, m.Length)}\" in: {line}"))
            .ToList();

        Assert.True(lines.Length >= 50, $"the clean corpus has only {lines.Length} lines");
        Assert.True(lines.All(l => l.Any(c => PersonalDataScanner.IsDigit(c)) || l.Contains('@', StringComparison.Ordinal)));
        Assert.True(alarms.Count == 0, $"{alarms.Count} false alarms in {lines.Length} lines:\n" + string.Join("\n", alarms));
    }

    [Fact]
    public void Every_planted_item_is_caught_with_its_kind_and_exact_extent()
    {
        var rows = File.ReadAllLines(Corpus("planted.txt")).Select(l => l.Split('\t')).ToList();

        var missed = new List<string>();
        foreach (var row in rows)
        {
            var (kind, planted, sentence) = (Enum.Parse<PersonalDataKind>(row[0]), row[1], row[2]);
            var matches = Scanner.Scan(sentence);
            if (matches.Count != 1 || matches[0].Kind != kind || sentence.Substring(matches[0].Start, matches[0].Length) != planted)
            {
                missed.Add($"{kind} \"{planted}\": found [{string.Join(", ", matches.Select(m => $"{m.Kind} \"{sentence.Substring(m.Start, m.Length)}\""))}] in {sentence}");
            }
        }

        Assert.True(missed.Count == 0, $"caught {rows.Count - missed.Count} of {rows.Count}:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void The_planted_corpus_has_at_least_200_items_of_every_kind()
    {
        var kinds = File.ReadAllLines(Corpus("planted.txt")).GroupBy(l => l.Split('\t')[0]).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Enum.GetNames<PersonalDataKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) >= 200, $"{kind}: {kinds.GetValueOrDefault(kind)}"));
    }

    [Fact]
    public void A_masked_planted_sentence_holds_none_of_the_hidden_digits()
    {
        foreach (var row in File.ReadAllLines(Corpus("planted.txt")).Select(l => l.Split('\t')))
        {
            var masked = PersonalDataScanner.Mask(row[2], Scanner.Scan(row[2]));

            Assert.DoesNotContain(row[1], masked, StringComparison.Ordinal);
            Assert.Empty(Scanner.Scan(masked));
        }
    }
}
