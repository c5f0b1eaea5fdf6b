using Gazette.Diagnostics;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>Reads every file of the theme folder into memory.</summary>
public sealed class ReadTheme
{
    /// <returns>the files, or null (after a diagnostic) when there is no theme folder.</returns>
    public IReadOnlyList<ThemeFile>? Run(BuildOptions options, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(options.ThemeDirectory))
        {
            diagnostics.Error(new SourceLocation(options.Relative(options.ThemeDirectory)), Codes.MissingTemplate, "the theme folder does not exist",
                "run gazette from the folder that holds content/ and theme/, or pass --theme");
            return null;
        }

        return Directory.EnumerateFiles(options.ThemeDirectory, "*", SearchOption.AllDirectories)
            .Select(path => new ThemeFile(
                Path.GetRelativePath(options.ThemeDirectory, path).Replace('\\', '/'),
                options.Relative(path),
                File.ReadAllBytes(path)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }
}
