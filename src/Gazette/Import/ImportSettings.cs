namespace Gazette.Import;

/// <summary>What <c>gazette import</c> was asked to do.</summary>
/// <param name="Folder">the folder of source files.</param>
/// <param name="ContentDirectory">the site's content folder: documents go under its <c>documents/imported/</c>.</param>
/// <param name="SiteRoot">the site root, for the paths in the report.</param>
/// <param name="Organ">the organ id for documents whose issuing body is not in organs.yml, or null.</param>
/// <param name="Topic">the topic for every document (主题分类 cannot be read from a document), or null for a placeholder.</param>
public sealed record ImportSettings(string Folder, string ContentDirectory, string SiteRoot, string? Organ, string? Topic);
