using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Rendering.Views;
using Gazette.Theme;
using YamlDotNet.RepresentationModel;

namespace Gazette.Pipeline;

/// <summary>Parses the theme's Liquid layouts and the UI strings of the site's language; reports template errors with their position.</summary>
public sealed partial class ParseTheme
{
    private const string LayoutFolder = "layouts/";
    private const string Extension = ".liquid";
    private static readonly FluidParser Parser = NewParser();

    private static FluidParser NewParser()
    {
        var parser = new FluidParser();
        CachedFragments.Register(parser);
        return parser;
    }

    public CompiledTheme? Run(IReadOnlyList<ThemeFile> files, string language, DiagnosticBag diagnostics)
    {
        var sources = files.Where(f => f.Name.StartsWith(LayoutFolder, StringComparison.Ordinal) && f.Name.EndsWith(Extension, StringComparison.Ordinal))
            .ToList();
        var layouts = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var failed = false;
        foreach (var file in sources)
        {
            var name = file.Name[LayoutFolder.Length..^Extension.Length];
            var text = ReadContentFiles.Decode(file.Bytes, file.SitePath, diagnostics);
            if (text is null)
            {
                failed = true;
                continue;
            }

            if (Parser.TryParse(text, out var template, out var error))
            {
                layouts[name] = template;
            }
            else
            {
                diagnostics.Error(Locate(file.SitePath, error), Codes.TemplateSyntax, $"the template cannot be parsed: {FirstLine(error)}");
                failed = true;
            }
        }

        var parsed = sources.Select(f => f.Name[LayoutFolder.Length..^Extension.Length]).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in CompiledTheme.Kinds.Prepend(CompiledTheme.Shell).Where(k => !parsed.Contains(k)))
        {
            diagnostics.Error(new SourceLocation(ThemePath(files, LayoutFolder + kind + Extension)), Codes.MissingTemplate,
                $"the theme has no layout for '{kind}' pages", $"create layouts/{kind}{Extension} in the theme");
            failed = true;
        }

        var strings = ReadStrings(files, language, diagnostics);
        if (failed || strings is null)
        {
            return null;
        }

        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            FileProvider = new InMemoryFileProvider(sources.ToDictionary(f => f.Name[LayoutFolder.Length..], f => f.Bytes, StringComparer.Ordinal)),
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        var assets = files.Where(f => f.Name.StartsWith("assets/", StringComparison.Ordinal)).ToList();
        var headers = files.FirstOrDefault(f => f.Name == "_headers") is { } headerFile ? ReadContentFiles.Decode(headerFile.Bytes, headerFile.SitePath, diagnostics) : null;
        var digest = new XxHash128();
        foreach (var file in sources.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            digest.Append(Encoding.UTF8.GetBytes(file.Name + "\0"));
            digest.Append(BitConverter.GetBytes(file.Bytes.Length));
            digest.Append(file.Bytes);
        }

        options.ValueConverters.Insert(0, ITemplateView.Convert);
        options.Filters.AddFilter("raw", RenderedContent.Raw);
        return new CompiledTheme(layouts, options, strings, assets) { Headers = headers, LayoutDigest = Digest128.Of(digest) };
    }

    private static UiStrings? ReadStrings(IReadOnlyList<ThemeFile> files, string language, DiagnosticBag diagnostics)
    {
        var name = $"i18n/{language}.yml";
        var file = files.FirstOrDefault(f => f.Name == name);
        if (file is null)
        {
            diagnostics.Error(new SourceLocation(ThemePath(files, name)), Codes.MissingUiStrings,
                $"the theme has no UI strings for the site's language '{language}'", $"create {name} in the theme, or change 'language' in site.yml");
            return null;
        }

        var text = ReadContentFiles.Decode(file.Bytes, file.SitePath, diagnostics);
        if (text is null)
        {
            return null;
        }

        var root = YamlText.Parse(text, file.SitePath, 0, diagnostics);
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error(new SourceLocation(file.SitePath), Codes.MissingUiStrings, "the UI strings must be a mapping of keys to texts");
            return null;
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
            {
                strings[k] = v;
            }
            else
            {
                diagnostics.Error(new SourceLocation(file.SitePath, (int)key.Start.Line, (int)key.Start.Column), Codes.WrongType,
                    "each UI string must be 'key: text'");
            }
        }

        var missing = UiStrings.RequiredKeys.Where(k => !strings.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Error(new SourceLocation(file.SitePath), Codes.MissingUiStrings,
                $"the UI strings lack {string.Join(", ", missing)}", "every key the engine uses must be defined in each language file");
            return null;
        }

        return new UiStrings(language, strings);
    }

    private static string ThemePath(IReadOnlyList<ThemeFile> files, string name)
    {
        var sample = files.FirstOrDefault();
        return sample is null ? "theme/" + name : sample.SitePath[..^sample.Name.Length] + name;
    }

    internal static SourceLocation Locate(string path, string error)
    {
        var match = PositionPattern().Match(error);
        return match.Success
            ? new SourceLocation(path, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : new SourceLocation(path);
    }

    private static string FirstLine(string error)
    {
        var line = error.Split('\n')[0].Trim();
        return PositionPattern().Replace(line, "").Trim();
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex PositionPattern();
}
