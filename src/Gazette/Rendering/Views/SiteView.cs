namespace Gazette.Rendering.Views;

/// <summary>The site, as every template sees it under <c>site</c>.</summary>
/// <param name="Domain">the host name of the base URL (the page tag SiteDomain).</param>
/// <param name="IdCode">网站标识码 (the page tag SiteIDCode), when site.yml gives <c>site_id_code</c>.</param>
public sealed record SiteView(string Name, string Publisher, string? Description, string Language, string BaseUrl, string HomeUrl,
    string Domain, string? IdCode) : ITemplateView;
