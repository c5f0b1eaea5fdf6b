namespace Gazette.Rendering.Views;

/// <summary>What the open-data page shows, under <c>data</c>: the files, their shape's version and the licence.</summary>
public sealed record DataView(
    /// <summary>The licence site.yml states (<c>data_licence</c>), its name as the title; null when it states none.</summary>
    LinkView? Licence,
    int SchemaVersion,
    /// <summary>The newest 发布日期 of a published document, YYYY-MM-DD; null when none is published.</summary>
    string? DataDate,
    int DocumentCount,
    int IssueCount,
    string CatalogueJson,
    string CatalogueCsv,
    string GazetteJson,
    /// <summary>The JSON file of the newest document, as an example; null when none is published.</summary>
    LinkView? ExampleDocument,
    /// <summary>The JSON file of the newest issue, as an example; null when there is no issue.</summary>
    LinkView? ExampleIssue,
    /// <summary>Between joint organs in catalogue.csv.</summary>
    string OrganSeparator,
    /// <summary>The columns of catalogue.csv, each as its header (title) and the JSON field it holds (url).</summary>
    IReadOnlyList<DataColumnView> CsvColumns) : ITemplateView;
