namespace Gazette.Model;

/// <summary>
/// site.yml's <c>admin:</c>: how the administration page (Decap CMS, public/admin/) reaches the repository it edits.
/// </summary>
/// <param name="Backend">Decap's backend: <c>git-gateway</c> (Netlify Identity) or <c>github</c> (GitHub OAuth through Netlify).</param>
/// <param name="Repository">For <c>github</c>: the repository, <c>owner/name</c>; null for <c>git-gateway</c>, which knows it.</param>
/// <param name="Branch">The branch the page commits to.</param>
/// <param name="LocalBackend">Whether the page served from localhost edits the working copy through <c>npx decap-server</c>.</param>
public sealed record AdminSettings(string Backend, string? Repository, string Branch, bool LocalBackend)
{
    /// <summary>The backends the page supports.</summary>
    public static IReadOnlyList<string> Backends { get; } = ["git-gateway", "github"];

    /// <summary>Without <c>admin:</c> in site.yml: Netlify Identity and Git Gateway on main, no local backend.</summary>
    public static AdminSettings Default { get; } = new("git-gateway", null, "main", false);
}
