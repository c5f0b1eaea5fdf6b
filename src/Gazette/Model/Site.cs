namespace Gazette.Model;

/// <summary>content/site.yml: who publishes the site and where it lives.</summary>
public sealed record Site(
    /// <summary>The site's name, e.g. 政务公开示例公报.</summary>
    string Name,
    /// <summary>The absolute URL the site is served from, ending in '/'.</summary>
    string BaseUrl,
    /// <summary>The UI language: zh-CN (default) or en.</summary>
    string Language,
    /// <summary>The organisation that publishes the site (主办单位).</summary>
    string Publisher,
    /// <summary>One sentence describing the site, used in meta descriptions.</summary>
    string? Description,
    /// <summary>Documents per listing page.</summary>
    int PageSize)
{
    public const int DefaultPageSize = 20;

    /// <summary>The licence of the open data under /data/ (<c>data_licence</c>), or null when site.yml states none.</summary>
    public DataLicence? DataLicence { get; init; }

    /// <summary>网站标识码, the site's identification code issued for government websites (<c>site_id_code</c>), e.g. 3715000001.</summary>
    public string? SiteIdCode { get; init; }

    /// <summary>The host name of <see cref="BaseUrl"/>, the page tag SiteDomain.</summary>
    public string Domain => new Uri(BaseUrl).Host;

    /// <summary>site.yml's <c>admin:</c>, the administration page's backend; <see cref="AdminSettings.Default"/> when absent.</summary>
    public AdminSettings Admin { get; init; } = AdminSettings.Default;

    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath is var p && p.EndsWith('/') ? p : p + "/";
}
