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

    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public string BasePath => new Uri(BaseUrl).AbsolutePath is var p && p.EndsWith('/') ? p : p + "/";
}
