using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>Builds a site that must fail and checks the one diagnostic it was written to provoke, and that nothing was written.</summary>
internal static class BadSite
{
    /// <summary>
    /// Builds <paramref name="site"/> (or with <paramref name="options"/>) and asserts: the build failed, it reported exactly one
    /// diagnostic, that diagnostic is an error with <paramref name="code"/> at <c>path:line:column</c>, and no output was written.
    /// </summary>
    public static Diagnostic Fails(TestSite site, DiagnosticCode code, string path, int line, int column, BuildOptions? options = null)
    {
        var result = new BuildPipeline().Run(options ?? site.Options);
        Assert.False(result.Succeeded, "the build succeeded but should have failed with " + code.Id);
        Assert.True(result.Diagnostics.Count == 1, $"expected only {code.Id}, got:\n" + string.Join("\n", result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(code.Id, diagnostic.Code.Id);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal($"{path}:{line}:{column}", diagnostic.Location.ToString());
        AssertNothingWritten(site, options);
        return diagnostic;
    }

    /// <summary>Neither the output folder nor a staging folder beside it exists.</summary>
    public static void AssertNothingWritten(TestSite site, BuildOptions? options = null)
    {
        var output = (options ?? site.Options).OutputDirectory;
        Assert.False(Directory.Exists(output), "a failed build wrote " + output);
        var parent = Path.GetDirectoryName(output)!;
        var leftovers = Directory.EnumerateDirectories(parent, "." + Path.GetFileName(output) + ".*").ToList();
        Assert.True(leftovers.Count == 0, "a failed build left " + string.Join(", ", leftovers));
    }

    /// <summary>A document from <see cref="TestSite.Document"/> with <paramref name="body"/> in place of its one-line body.</summary>
    public static string DocumentWithBody(string title, string body, params string[] fields) =>
        TestSite.Document(title, fields).Replace("\n\n正文第一段。\n", "\n\n" + body, StringComparison.Ordinal);

    /// <summary>Copies the repository theme into the site's theme/ folder so a test can break one file of it.</summary>
    public static void CopyRepositoryTheme(TestSite site)
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Theme, "*", SearchOption.AllDirectories))
        {
            site.WriteBytes("theme/" + Path.GetRelativePath(Repository.Theme, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }
    }
}
