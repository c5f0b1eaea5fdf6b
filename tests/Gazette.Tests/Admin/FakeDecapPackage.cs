using System.Text;

namespace Gazette.Tests.Admin;

/// <summary>
/// A stand-in for <c>npm ci --prefix admin</c>: admin/package.json and the files of node_modules/decap-cms/dist/ the build copies
/// (a main script, a chunk, a WebAssembly module, the licence notice) and one it must leave out (a source map), so tests of the
/// administration page run without npm.
/// </summary>
internal static class FakeDecapPackage
{
    public const string MainScript = "/* decap-cms stand-in */ console.log('decap');\n";

    public const string IdentityScript = "/* netlify-identity-widget stand-in */ window.netlifyIdentity = {};\n";

    /// <summary>Writes the package into <paramref name="adminFolder"/>; returns the folder.</summary>
    public static string Install(string adminFolder, bool withNodeModules = true)
    {
        Write(adminFolder, "package.json", """{ "private": true, "dependencies": { "decap-cms": "3.16.3" } }""" + "\n");
        if (withNodeModules)
        {
            Write(adminFolder, "node_modules/decap-cms/dist/decap-cms.js", MainScript);
            Write(adminFolder, "node_modules/decap-cms/dist/103.decap-cms.js", "/* chunk 103 */\n");
            Write(adminFolder, "node_modules/decap-cms/dist/0123abcd.wasm", "\0asm");
            Write(adminFolder, "node_modules/decap-cms/dist/decap-cms.js.LICENSE.txt", "MIT\n");
            Write(adminFolder, "node_modules/decap-cms/dist/decap-cms.js.map", "{}\n");
            Write(adminFolder, "node_modules/decap-cms/dist/cms.js", MainScript);
            Write(adminFolder, "node_modules/netlify-identity-widget/build/netlify-identity-widget.js", IdentityScript);
        }

        return adminFolder;
    }

    private static void Write(string folder, string path, string text)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Encoding.UTF8.GetBytes(text));
    }
}
