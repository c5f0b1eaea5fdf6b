using System.Text;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// A copy of <c>tests/corpora/bad-input/</c> in a temporary folder, with the files too big to commit written into it (a 5 MB
/// body, a front matter of 20,000 lines), built with the repository's theme. Deleted at the end of the test.
/// </summary>
internal sealed class BadInputCorpus : IDisposable
{
    public static readonly string Source = Path.Combine(Repository.Root, "tests", "corpora", "bad-input");

    public BadInputCorpus()
    {
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gazette-bad-input-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, "content"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var (path, bytes) in Generated())
        {
            File.WriteAllBytes(Path.Combine(Root, path), bytes);
        }
    }

    public static IReadOnlyList<CorpusExpectation> Expectations { get; } = CorpusExpectation.Parse(File.ReadAllText(Path.Combine(Source, "expected.tsv")));

    public string Root { get; }

    public BuildOptions Options => BuildOptions.ForSite(Root, theme: Repository.Theme);

    /// <summary>Every file under content/ of the copy, relative to its root with forward slashes.</summary>
    public IEnumerable<string> ContentFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "content"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

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

    /// <summary>The files the test writes: too big to commit, made the same way every time.</summary>
    private static IEnumerable<(string Path, byte[] Bytes)> Generated()
    {
        const string head = "---\ntitle: {0}\nissuers: city-office\nwritten: 2019-03-01\npublished: 2019-03-05\ntopic: 综合政务\ngenre: 通知\nsummary: 内容概述。\ndisclosure: 主动公开\n";

        // A 5 MB body: the whole of a long regulation pasted in, as chapters and articles.
        var body = new MemoryStream();
        void Append(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Append(string.Format(null, head, "五兆字节正文的通知") + "---\n\n");
        for (var article = 1; body.Length < 5 * 1024 * 1024; article++)
        {
            if (article % 50 == 1)
            {
                Append($"\n## 第{article / 50 + 1}章　总则\n\n");
            }

            Append($"第{article}条　各级行政机关应当依照《政府信息公开条例》的规定，主动公开本行政机关的政府信息，" +
                "并在政府网站已发布的原文件上对废止、失效等情况作出明确标注；涉及公民个人信息的，应当去标识化后公开。\n\n");
        }

        yield return ("content/documents/huge-body.md", body.ToArray());

        // A front matter of 20,000 lines (an annex pasted under extra:) with a misspelled key after it, on line 20,011.
        var frontMatter = new StringBuilder(string.Format(null, head, "元数据两万行的通知") + "extra:\n");
        for (var item = 1; item <= 20_000; item++)
        {
            frontMatter.Append($"  - 第{item}项：公开事项名称、依据、内容、责任主体、时限和方式。\n");
        }

        frontMatter.Append("summery: 拼错的键\n---\n\n正文。\n");
        yield return ("content/documents/huge-front-matter.md", Encoding.UTF8.GetBytes(frontMatter.ToString()));
    }
}
