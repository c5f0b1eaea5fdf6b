using System.Text;
using Gazette.Diagnostics;
using Gazette.Pipeline;

namespace Gazette.Tests.Support;

/// <summary>
/// A small site written from one inline text into a temporary folder, built with the real pipeline and the repository's theme.
/// Files are separated by lines <c>-- path --</c>; a site without site.yml or organs.yml gets minimal ones.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string DefaultSite = """
        name: 测试公报
        base_url: https://example.gov.cn/
        publisher: 测试市人民政府办公室
        """;

    public const string DefaultOrgans = """
        - {id: city-gov, name: 测试市人民政府, short_name: 市政府, code: "000014349"}
        - {id: city-office, name: 测试市人民政府办公室, short_name: 市政府办公室, code: "000014350"}
        - {id: no-code, name: 没有代码的机构}
        """;

    public TestSite(string files)
    {
        Root = Path.Combine(Path.GetTempPath(), "gazette-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        var parsed = Parse(files);
        parsed.TryAdd("content/site.yml", DefaultSite);
        parsed.TryAdd("content/organs.yml", DefaultOrgans);
        foreach (var (path, text) in parsed)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string Output => Path.Combine(Root, "public");

    public BuildOptions Options => BuildOptions.ForSite(Root, theme: File.Exists(Path.Combine(Root, "theme/layouts/base.liquid")) ? null : Repository.Theme);

    public BuildResult Build() => new BuildPipeline().Run(Options);

    /// <summary>Builds and fails the test with every diagnostic when the build does not succeed.</summary>
    public BuildResult BuildSuccessfully()
    {
        var result = Build();
        Assert.True(result.Succeeded, "build failed:\n" + string.Join("\n", result.Diagnostics));
        return result;
    }

    public void Write(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    public string ReadOutput(string path) => File.ReadAllText(Path.Combine(Output, path));

    /// <summary>An output file as text, a gzip-compressed search index file inflated.</summary>
    public string ReadOutputText(string path) => TextOf(File.ReadAllBytes(Path.Combine(Output, path)));

    /// <summary><see cref="ReadOutputText"/> of a file's bytes.</summary>
    public static string TextOf(byte[] bytes) => Encoding.UTF8.GetString(bytes is [0x1f, 0x8b, ..] ? Gazette.Search.IndexFile.Gunzip(bytes) : bytes);

    public bool OutputExists(string path) => File.Exists(Path.Combine(Output, path));

    public IEnumerable<string> OutputFiles() =>
        Directory.Exists(Output)
            ? Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            : [];

    /// <summary>A site of one document (index number 000014350/2019-00001) whose base_url puts it under /gongbao/.</summary>
    public static TestSite UnderFolder(string title) => new($"""
        -- content/site.yml --
        name: 测试公报
        base_url: https://example.gov.cn/gongbao/
        publisher: 测试市人民政府办公室
        -- content/documents/a.md --
        {Document(title, "index_number: 000014350/2019-00001")}
        """);

    /// <summary>A one-line front matter document with sensible defaults; pass extra YAML lines to add or override fields.</summary>
    public static string Document(string title, params string[] fields)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["issuers"] = "city-office",
            ["written"] = "2019-03-01",
            ["published"] = "2019-03-05",
            ["topic"] = "综合政务",
            ["genre"] = "通知",
            ["summary"] = "内容概述。",
            ["disclosure"] = "主动公开",
        };
        foreach (var field in fields)
        {
            var colon = field.IndexOf(':');
            lines[field[..colon].Trim()] = field[(colon + 1)..].Trim();
        }

        var yaml = string.Join("\n", lines.Where(l => l.Value != "-").Select(l => $"{l.Key}: {l.Value}"));
        return $"---\n{yaml}\n---\n\n正文第一段。\n";
    }

    public static Diagnostic Single(BuildResult result, DiagnosticCode code)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code.Id}, got:\n" + string.Join("\n", result.Diagnostics));
        return matching[0];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Dictionary<string, string> Parse(string files)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? path = null;
        var text = new StringBuilder();
        foreach (var line in files.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                if (path is not null)
                {
                    result[path] = text.ToString();
                }

                path = line[3..^3].Trim();
                text.Clear();
            }
            else if (path is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        if (path is not null)
        {
            result[path] = text.ToString();
        }

        return result;
    }
}
