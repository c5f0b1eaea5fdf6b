namespace Gazette.Rendering.Views;

/// <summary>
/// A column of catalogue.csv: its header, the field of the JSON record it holds (with dots, e.g. validity.date) and the key of
/// the UI string that explains that field (data_field_validity_date).
/// </summary>
public sealed record DataColumnView(string Header, string Field, string Key) : ITemplateView;
