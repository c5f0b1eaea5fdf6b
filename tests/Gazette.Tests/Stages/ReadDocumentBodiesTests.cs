using System.Text;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Stages;

/// <summary>The bodies read again, batch by batch, from where the front matter ended when the documents were parsed.</summary>
public sealed class ReadDocumentBodiesTests
{
    private const string Body = "各区县人民政府，市政府各部门：\n\n第一条 为了规范政府信息公开工作，制定本办法。\n\n## 第二章 附则\n\n第二条 本办法自发布之日起施行。\n";

    /// <summary>A body long enough to be decoded alone, after the front matter (a short one is decoded with it).</summary>
    private static readonly string LongBody = string.Concat(Enumerable.Repeat(Body, 20));

    private static TestSite Site() => new($"""
        -- content/documents/2019/a.md --
        {TestSite.Document("关于甲的通知")}
        """);

    private static string PathOf(TestSite site) => Path.Combine(site.Root, "content/documents/2019/a.md");

    /// <summary>Parses the site's documents as a build does.</summary>
    private static Document Parse(TestSite site)
    {
        var diagnostics = new DiagnosticBag();
        var content = new ReadContentFiles().Run(site.Options, diagnostics);
        var config = new ParseSiteConfiguration().Run(content, diagnostics);
        var document = Assert.Single(new ParseDocuments().Run(content, config, diagnostics));
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return document;
    }

    private static (string Body, IReadOnlyList<Diagnostic> Diagnostics) Read(TestSite site, Document document)
    {
        var diagnostics = new DiagnosticBag();
        var body = Assert.Single(new ReadDocumentBodies().Run(site.Options, [document], diagnostics));
        return (body, diagnostics.Items);
    }

    /// <summary>The front matter of the site's document (up to and with its closing line) and <paramref name="body"/> after it.</summary>
    private static string WithBody(TestSite site, string body)
    {
        var text = File.ReadAllText(PathOf(site));
        var close = text.IndexOf("\n---\n", StringComparison.Ordinal) + "\n---\n".Length;
        return text[..close] + body;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void The_body_is_the_text_after_the_front_matter_with_or_without_a_byte_order_mark_and_carriage_returns(bool bom, bool crlf)
    {
        using var site = Site();
        var text = WithBody(site, LongBody);
        var bytes = Encoding.UTF8.GetBytes(crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text);
        File.WriteAllBytes(PathOf(site), bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        var document = Parse(site);

        var (body, diagnostics) = Read(site, document);

        Assert.Empty(diagnostics);
        Assert.Equal(LongBody, body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("短")]
    [InlineData(Body)]
    public void A_short_or_empty_body_is_read(string written)
    {
        using var site = Site();
        File.WriteAllText(PathOf(site), WithBody(site, written));

        Assert.Equal(written, Read(site, Parse(site)).Body);
    }

    [Fact]
    public void A_file_whose_front_matter_changed_since_it_was_parsed_is_an_error_and_gives_no_body()
    {
        using var site = Site();
        File.WriteAllText(PathOf(site), WithBody(site, LongBody));
        var document = Parse(site);
        File.WriteAllText(PathOf(site), File.ReadAllText(PathOf(site)).Replace("title:", "summary: 新加的概述\ntitle:", StringComparison.Ordinal));

        var (body, diagnostics) = Read(site, document);

        Assert.Equal("", body);
        var error = Assert.Single(diagnostics);
        Assert.Equal(Codes.FileUnreadable, error.Code);
        Assert.Contains("the file changed or disappeared", error.Message);
    }
}
