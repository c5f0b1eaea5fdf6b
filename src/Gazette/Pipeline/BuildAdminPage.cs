using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Gazette.Admin;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering.Views;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// The administration page, public/admin/: Decap CMS's script under a content-hashed name with the chunks it loads beside it,
/// config.yml (<see cref="DecapConfiguration"/>: the content model and vocabularies, no document) and index.html from the
/// theme's layouts/admin.liquid, a page of its own outside the site's shell. The page edits the repository through git; it
/// publishes nothing itself.
/// </summary>
public sealed class BuildAdminPage
{
    /// <summary>The folder of the built site the page is written to.</summary>
    public const string Folder = "admin/";

    /// <summary>The theme asset shown on the login screen (the site's emblem), when the theme has it.</summary>
    public const string LogoAsset = "emblem.svg";

    /// <summary>The theme's layout of the page.</summary>
    public const string Layout = "admin";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public IReadOnlyList<OutputFile> Run(SiteConfiguration config, CompiledTheme theme, IReadOnlyDictionary<string, string> assets, AdminScript script,
        DiagnosticBag diagnostics)
    {
        if (!theme.Layouts.TryGetValue(Layout, out var layout))
        {
            diagnostics.Error(new SourceLocation($"theme/layouts/{Layout}.liquid"), Codes.MissingTemplate,
                "the theme has no layout for the administration page", $"create layouts/{Layout}.liquid in the theme, or remove admin/package.json");
            return [];
        }

        var scriptName = Hashed(ReadAdminScript.MainName, script.Main);
        var identityName = Hashed(Path.GetFileName(ReadAdminScript.IdentityScript), script.Identity);
        var basePath = config.Site.BasePath + Folder;
        var site = config.Site;
        var context = new TemplateContext(theme.Options);
        context.SetValue("site", new SiteView(site.Name, site.Publisher, site.Description, site.Language, site.BaseUrl, site.BasePath, site.Domain, site.SiteIdCode));
        context.SetValue("t", theme.Strings.All);
        context.SetValue("assets", assets);
        context.SetValue("admin", new AdminView(basePath + scriptName, basePath + "config.yml", basePath + identityName));
        string html;
        try
        {
            html = layout.Render(context, Encoder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Error(new SourceLocation($"theme/layouts/{Layout}.liquid"), Codes.TemplateSyntax, $"rendering {basePath} failed: {e.Message}");
            return [];
        }

        var files = new List<OutputFile>
        {
            new(Folder + "index.html", Encoding.UTF8.GetBytes(html)),
            new(Folder + "config.yml", Encoding.UTF8.GetBytes(new DecapConfiguration().Run(config, theme.Strings, assets.GetValueOrDefault(LogoAsset)))),
            new(Folder + scriptName, script.Main),
            new(Folder + identityName, script.Identity),
        };
        files.AddRange(script.Companions.Select(c => new OutputFile(Folder + c.Name, null, c.Path)));
        return files;
    }

    /// <summary>A script's name with the first 10 hex digits of its SHA-256 (decap-cms.js → decap-cms.0123456789.js).</summary>
    private static string Hashed(string name, byte[] bytes) =>
        Path.GetFileNameWithoutExtension(name) + "." + Convert.ToHexStringLower(SHA256.HashData(bytes))[..10] + ".js";
}
