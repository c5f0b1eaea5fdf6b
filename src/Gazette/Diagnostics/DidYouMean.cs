namespace Gazette.Diagnostics;

/// <summary>Suggests the closest known word for a mistyped one, for "did you mean" hints.</summary>
public static class DidYouMean
{
    public static string? Suggest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var tied = false;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var distance = Distance(given, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance, tied) = (candidate, distance, false);
            }
            else if (distance == bestDistance)
            {
                tied = true;
            }
        }

        // Two equally close words: guessing one could suggest the opposite meaning (公开 → 不予公开), so suggest neither.
        var limit = Math.Max(2, given.Length / 3);
        return bestDistance <= limit && !tied ? best : null;
    }

    public static string? Hint(string given, IEnumerable<string> candidates) =>
        Suggest(given, candidates) is { } s ? $"did you mean '{s}'?" : null;

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
