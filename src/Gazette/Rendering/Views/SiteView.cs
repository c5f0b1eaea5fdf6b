namespace Gazette.Rendering.Views;

/// <summary>The site, as every template sees it under <c>site</c>.</summary>
public sealed record SiteView(string Name, string Publisher, string? Description, string Language, string BaseUrl, string HomeUrl);
