namespace Gazette.Model;

/// <summary>
/// The terms on which the publisher lets the open data (and the documents) be reused, as site.yml states them under
/// <c>data_licence</c>: a name and the address of the full text. The publisher's setting; Gazette invents none.
/// </summary>
public sealed record DataLicence(string Name, string Url);
