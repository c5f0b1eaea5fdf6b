namespace Gazette.Rendering.Views;

/// <summary>One document in a list: gazette contents, catalogue listings, related documents.</summary>
public sealed record DocumentSummaryView(
    string Title,
    string Url,
    string? DocNumber,
    string IndexNumber,
    /// <summary>Issuing organ names joined with 、.</summary>
    string Issuers,
    string Written,
    string Published,
    string Topic,
    string Genre,
    ValidityView Validity,
    string? Summary) : ITemplateView;
