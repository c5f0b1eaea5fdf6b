using System.Text;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>GZ00xx: files that cannot be read, are missing, or are not front matter and YAML.</summary>
public sealed class FileErrorTests
{
    [Fact]
    [Trait("Code", "GZ0001")]
    public void Invalid_UTF8_in_a_document_is_reported_on_the_line_of_the_bad_byte()
    {
        using var site = new TestSite("");
        site.WriteBytes("content/documents/a.md",
            [.. Encoding.UTF8.GetBytes("---\ntitle: 通知\n"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n---\n正文\n")]);

        var error = BadSite.Fails(site, Codes.FileUnreadable, "content/documents/a.md", 3, 1);
        Assert.Contains("GBK", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0001")]
    public void A_GBK_encoded_site_yml_is_reported_as_not_UTF8()
    {
        using var site = new TestSite("");
        // 测试 in GBK is B2 E2 CA D4, which is not UTF-8.
        site.WriteBytes("content/site.yml",
            [.. Encoding.UTF8.GetBytes("name: x\nbase_url: https://example.gov.cn/\npublisher: "), 0xB2, 0xE2, 0xCA, 0xD4, (byte)'\n']);

        BadSite.Fails(site, Codes.FileUnreadable, "content/site.yml", 3, 1);
    }

    [Fact]
    [Trait("Code", "GZ0001")]
    public void A_document_that_cannot_be_read_is_reported_not_a_crash()
    {
        using var site = new TestSite("");
        // A link to nothing is listed like a file but cannot be opened, as a file deleted during the build.
        Directory.CreateDirectory(Path.Combine(site.Root, "content/documents"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "content/documents/gone.md"), Path.Combine(site.Root, "nowhere.md"));

        var error = BadSite.Fails(site, Codes.FileUnreadable, "content/documents/gone.md", 1, 1);
        Assert.Contains("cannot be read", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0002")]
    public void A_missing_site_yml_is_reported_with_what_to_write()
    {
        using var site = new TestSite("");
        site.Delete("content/site.yml");

        var error = BadSite.Fails(site, Codes.MissingFile, "content/site.yml", 1, 1);
        Assert.Equal("create it with at least name, base_url and publisher", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0002")]
    public void A_missing_organs_yml_is_reported()
    {
        using var site = new TestSite("");
        site.Delete("content/organs.yml");

        var error = BadSite.Fails(site, Codes.MissingFile, "content/organs.yml", 1, 1);
        Assert.Equal("content/organs.yml is missing", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0003")]
    public void A_document_without_front_matter_is_reported_at_its_first_line()
    {
        using var site = new TestSite("""
            -- content/documents/a.md --
            # 关于测试的通知

            正文。
            """);

        var error = BadSite.Fails(site, Codes.MissingFrontMatter, "content/documents/a.md", 1, 1);
        Assert.Equal("the document does not start with front matter", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0003")]
    public void An_empty_document_is_reported_as_empty()
    {
        using var site = new TestSite("");
        site.Write("content/documents/a.md", "");

        var error = BadSite.Fails(site, Codes.MissingFrontMatter, "content/documents/a.md", 1, 1);
        Assert.Equal("the document is empty", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0004")]
    public void Front_matter_that_is_never_closed_is_reported_at_the_opening_line()
    {
        using var site = new TestSite("""
            -- content/documents/a.md --
            ---
            title: 关于测试的通知
            issuers: city-office

            正文。
            """);

        var error = BadSite.Fails(site, Codes.UnclosedFrontMatter, "content/documents/a.md", 1, 1);
        Assert.Contains("'---'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void Badly_indented_front_matter_is_reported_where_the_parser_fails()
    {
        // Line 3 of the file is the second YAML line; the parser stops at its ':' in column 10.
        using var site = new TestSite("""
            -- content/documents/a.md --
            ---
            title: 关于测试的通知
              issuers: city-office
            ---
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 3, 10);
        Assert.StartsWith("the YAML cannot be read: ", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void A_duplicate_front_matter_key_is_reported_on_its_second_occurrence()
    {
        using var site = new TestSite("""
            -- content/documents/a.md --
            ---
            title: 第一个标题
            summary: 概述
            title: 第二个标题
            ---
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 4, 1);
        Assert.Contains("Duplicate key title", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void Broken_YAML_in_organs_yml_is_reported_at_the_end_of_the_unclosed_mapping()
    {
        using var site = new TestSite("""
            -- content/organs.yml --
            - {id: city-gov, name: 测试市人民政府
            """);

        BadSite.Fails(site, Codes.YamlSyntax, "content/organs.yml", 2, 1);
    }

    [Fact]
    [Trait("Code", "GZ0002")]
    public void A_missing_content_folder_is_reported_against_the_folder()
    {
        using var site = new TestSite("");
        var options = site.Options with { ContentDirectory = Path.Combine(site.Root, "nothing-here") };

        var result = new BuildPipeline().Run(options);

        Assert.False(result.Succeeded);
        var folder = Assert.Single(result.Diagnostics, d => d.Location.Path == "nothing-here/");
        Assert.Equal(Codes.MissingFile, folder.Code);
        BadSite.AssertNothingWritten(site, options);
    }
}
