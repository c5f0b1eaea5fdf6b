using System.Text;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Stages;

/// <summary>In-memory inputs for the pure stages: content sets, a site configuration and documents with defaults.</summary>
internal static class Stage
{
    /// <summary>A content set of text files; paths are relative to the site root, e.g. "content/site.yml".</summary>
    public static ContentSet Content(params (string Path, string Text)[] files) =>
        new("content/", files.Select(f => new ContentFile(f.Path, "/site/" + f.Path, Encoding.UTF8.GetByteCount(f.Text), f.Text)));

    /// <summary>The given files plus the default site.yml and organs.yml of <see cref="TestSite"/> where they are not given.</summary>
    public static ContentSet ContentWithDefaults(params (string Path, string Text)[] files)
    {
        (string Path, string Text)[] defaults = [("content/site.yml", TestSite.DefaultSite), ("content/organs.yml", TestSite.DefaultOrgans)];
        return Content([.. files, .. defaults.Where(d => !files.Any(f => f.Path == d.Path))]);
    }

    /// <summary>A file that is listed but not read as text, such as an attachment.</summary>
    public static ContentFile Binary(string path, long size) => new(path, "/site/" + path, size, null);

    /// <summary>The configuration read from the default site and organs plus the given files; fails the test on any diagnostic.</summary>
    public static SiteConfiguration Config(params (string Path, string Text)[] files)
    {
        var diagnostics = new DiagnosticBag();
        var config = new ParseSiteConfiguration().Run(ContentWithDefaults(files), diagnostics);
        Assert.True(diagnostics.Items.Count == 0, string.Join("\n", diagnostics.Items));
        return config;
    }

    /// <summary>A 主动公开 document of city-office written 2019-03-01, with no index number; change it with <c>with</c>.</summary>
    public static Document Document(string id, string? title = null) => new(
        id,
        new SourceLocation($"content/documents/{id}.md"),
        title ?? "关于" + id + "的通知",
        null,
        null,
        ["city-office"],
        new DateOnly(2019, 3, 1),
        new DateOnly(2019, 3, 5),
        "zonghe-zhengwu",
        "tongzhi",
        null,
        Disclosure.Public,
        null,
        Validity.InForce,
        null,
        null,
        [],
        [],
        0,
        12,
        new Dictionary<string, SourceLocation>(StringComparer.Ordinal));

    /// <summary>The document with a front-matter key recorded at a line of its file (column 1), as ParseDocuments records it.</summary>
    public static Document At(this Document document, string key, int line) =>
        document with
        {
            Fields = new Dictionary<string, SourceLocation>(document.Fields, StringComparer.Ordinal)
            {
                [key] = new SourceLocation(document.Source.Path, line, 1),
            },
        };

    public static string Describe(DiagnosticBag diagnostics) => string.Join("\n", diagnostics.Items);

    /// <summary>Each diagnostic as "path:line:col: GZxxxx".</summary>
    public static IEnumerable<string> Summary(DiagnosticBag diagnostics) =>
        diagnostics.Items.Select(d => $"{d.Location}: {d.Code.Id}");
}
