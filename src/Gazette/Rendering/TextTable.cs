using System.Text.Encodings.Web;
using Fluid.Values;

namespace Gazette.Rendering;

/// <summary>
/// A table of texts that every page is given (the UI strings as <c>t</c>, the assets' addresses as <c>assets</c>) as the
/// template value made once for all of them: each text a string value of its own, made once, not again on every lookup, and
/// marked as needing no HTML encoding when encoding would leave it as it is — so that the output, the same either way, is not
/// looked through for characters to escape at every use.
/// </summary>
internal static class TextTable
{
    public static FluidValue Of(IReadOnlyDictionary<string, string> texts, TextEncoder encoder)
    {
        var values = new Dictionary<string, FluidValue>(texts.Count, StringComparer.Ordinal);
        foreach (var (key, text) in texts)
        {
            values[key] = new StringValue(text, encode: encoder.Encode(text) != text);
        }

        return new DictionaryValue(new FluidValueDictionaryFluidIndexable(values));
    }
}
