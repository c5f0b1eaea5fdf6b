using Fluid;
using Fluid.Values;

namespace Gazette.Rendering.Views;

/// <summary>
/// A record the theme's templates see (<c>page</c>, <c>document</c>, each item of a list, ...). The mark lets Fluid take it as the
/// object it is at once (<see cref="Convert"/>), instead of testing it against every kind of value it could be first — numbers,
/// dates, dictionaries, lists — each time a template reaches it.
/// </summary>
public interface ITemplateView
{
    /// <summary>
    /// For <see cref="TemplateOptions.ValueConverters"/>, first: a view as an object value; null for anything else, which Fluid
    /// then converts as it always does.
    /// </summary>
    public static object? Convert(object value) => value is ITemplateView ? new ObjectValue(value) : null;
}
