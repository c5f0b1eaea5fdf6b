using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Gazette.Rendering;

/// <summary>
/// A page's layout as rendered, the shell's <c>content</c>: markup, written as it is, straight from the buffer it was rendered
/// into — a buffer each rendering thread keeps from page to page — so that no page makes a string of it (at 10,000 documents
/// 200 MB made and collected). A filter that needs it as a string gets one (<see cref="ToStringValue()"/>); <c>raw</c> passes
/// it on as it is (<see cref="Raw"/>). Valid until its buffer is cleared for the next page.
/// </summary>
internal sealed class RenderedContent(StringBuilder rendered) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => other.Type == FluidValues.String && ToStringValue() == other.ToStringValue();

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => rendered.ToString();

    public override object ToObjectValue() => ToStringValue();

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        foreach (var chunk in rendered.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        return default;
    }

    public override bool Equals(object? obj) => obj is FluidValue value && Equals(value);

    public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);

    /// <summary>Liquid's <c>raw</c>: the value, not encoded when written — this content as it is, anything else as a string.</summary>
    public static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input is RenderedContent ? input : new StringValue(input.ToStringValue(), encode: false);
}
