using Gazette.Admin;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// Reads Decap CMS's bundled script and the Netlify Identity widget from the administration page's npm folder (<see cref="BuildOptions.AdminDirectory"/>).
/// A site without admin/package.json has no administration page; one whose package is not installed (no node_modules) gets a
/// warning (GZ0801) and is built without the page: the page is a convenience for editors and never holds up the site.
/// </summary>
public sealed class ReadAdminScript
{
    /// <summary>Where npm puts the package's build, relative to the npm folder.</summary>
    public const string DistFolder = "node_modules/decap-cms/dist";

    /// <summary>The main script's name in the package.</summary>
    public const string MainName = "decap-cms.js";

    /// <summary>The Netlify Identity widget's script, relative to the npm folder.</summary>
    public const string IdentityScript = "node_modules/netlify-identity-widget/build/netlify-identity-widget.js";

    private const string ChunkSuffix = ".decap-cms.js";

    /// <returns>the script, or null when the site has no administration page or its package is not installed.</returns>
    public AdminScript? Run(BuildOptions options, DiagnosticBag diagnostics)
    {
        var manifest = Path.Combine(options.AdminDirectory, "package.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        var dist = Path.Combine(options.AdminDirectory, DistFolder);
        var main = Path.Combine(dist, MainName);
        var identity = Path.Combine(options.AdminDirectory, IdentityScript);
        if (!File.Exists(main) || !File.Exists(identity))
        {
            var folder = options.Relative(options.AdminDirectory);
            var missing = File.Exists(main) ? "the Netlify Identity widget is" : "Decap CMS is";
            diagnostics.Warning(new SourceLocation(options.Relative(manifest)), Codes.AdminScriptMissing,
                $"{missing} not installed in {folder}/node_modules, so the administration page (admin/) is left out of the site",
                $"run 'npm ci --prefix {folder}' once (it needs Node.js and npm), then build again");
            return null;
        }

        // The chunks the main script loads by name from its own folder, the WebAssembly modules and the licence notice; source maps stay out.
        var companions = Directory.EnumerateFiles(dist)
            .Select(path => (Name: Path.GetFileName(path), Path: path))
            .Where(f => f.Name.EndsWith(ChunkSuffix, StringComparison.Ordinal) || f.Name.EndsWith(".wasm", StringComparison.Ordinal)
                || f.Name == MainName + ".LICENSE.txt")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        return new AdminScript(File.ReadAllBytes(main), companions, File.ReadAllBytes(identity));
    }
}
