namespace Gazette.Bench.Corpus;

/// <summary>
/// SplitMix64: a small deterministic generator whose sequence is fixed by this code, not by the runtime's Random, so a
/// corpus generated today is byte-identical to one generated next year with another .NET.
/// </summary>
public sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public static Rng For(ulong seed, long stream) => new(Mix(seed ^ Mix((ulong)stream + 0x9E3779B97F4A7C15UL)));

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [0, n).</summary>
    public int Int(int n) => n <= 0 ? 0 : (int)(Next() % (ulong)n);

    /// <summary>An integer in [min, max].</summary>
    public int Between(int min, int max) => min + Int(max - min + 1);

    public double Double() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Double() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    /// <summary>Picks by weight: <paramref name="weights"/>[i] is the weight of item i.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var x = Double() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A log-normal value with the given median and spread (sigma of the logarithm).</summary>
    public double LogNormal(double median, double sigma)
    {
        var u1 = 1.0 - Double();
        var u2 = Double();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }
}
