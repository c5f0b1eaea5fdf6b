namespace Gazette.Rendering.Views;

/// <summary>有效性 as shown: <see cref="Key"/> is valid, expired, repealed or amended (for CSS classes), <see cref="Label"/> the UI word.</summary>
public sealed record ValidityView(
    string Key,
    string Label,
    bool InForce,
    string? Date,
    /// <summary>The repealing or amending document, when named.</summary>
    LinkView? Successor,
    string? Note) : ITemplateView;
