using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>The old addresses of documents (<c>aliases:</c>) that could not lead to them.</summary>
public sealed class AliasErrorTests
{
    // TestSite.Document writes eight fields after the opening line, so an added field is on line 10.

    [Fact]
    [Trait("Code", "GZ0314")]
    public void An_alias_that_is_the_address_of_another_documents_page_is_an_error_at_the_alias()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "index_number: 000014350/2019-00001")}
            -- content/documents/b.md --
            {TestSite.Document("乙通知", "aliases: [/documents/000014350/2019-00001/]", "index_number: 000014350/2019-00002")}
            """);

        var error = BadSite.Fails(site, Codes.AliasCollidesWithPage, "content/documents/b.md", 10, 11);

        Assert.Contains("content/documents/a.md", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0314")]
    public void An_alias_inside_a_folder_the_build_writes_is_an_error()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "aliases: [/old/page.html, /gazette/2019/1/index.html]")}
            """);

        var error = BadSite.Fails(site, Codes.AliasCollidesWithPage, "content/documents/a.md", 10, 27);

        Assert.Contains("gazette/", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0314")]
    public void An_alias_inside_the_administration_pages_folder_is_an_error()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "aliases: [/admin/old.html]")}
            """);

        var error = BadSite.Fails(site, Codes.AliasCollidesWithPage, "content/documents/a.md", 10, 11);

        Assert.Contains("admin/", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0314")]
    public void An_alias_that_is_the_sitemap_is_an_error_but_an_old_sitemap_page_is_not()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "aliases: [/sitemap.html, /sitemap.xml]")}
            """);

        var error = BadSite.Fails(site, Codes.AliasCollidesWithPage, "content/documents/a.md", 10, 26);

        Assert.Contains("sitemap.xml", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0315")]
    public void An_alias_two_documents_claim_is_an_error_at_the_second()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "aliases: [/art/2019/old.html]", "index_number: 000014350/2019-00001")}
            -- content/documents/b.md --
            {TestSite.Document("乙通知", "aliases: [/art/2019/old.html]", "index_number: 000014350/2019-00002")}
            """);

        var error = BadSite.Fails(site, Codes.DuplicateAlias, "content/documents/b.md", 10, 11);

        Assert.Contains("content/documents/a.md", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0315")]
    public void The_same_alias_written_twice_with_and_without_its_slash_is_an_error()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "aliases: [/xxgk/old/, /xxgk/old]")}
            """);

        BadSite.Fails(site, Codes.DuplicateAlias, "content/documents/a.md", 10, 23);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void An_alias_that_is_not_a_path_from_the_site_root_is_an_error()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "aliases: [\"https://old.example.gov.cn/a.html\"]")}
            """);

        BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 11);
    }

    [Fact]
    public void An_alias_of_a_withheld_document_is_not_checked_and_not_written()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "index_number: 000014350/2019-00001")}
            -- content/documents/b.md --
            {TestSite.Document("乙通知", "aliases: [/documents/000014350/2019-00001/, /old/b.html]", "disclosure: 不予公开", "disclosure_reason: 涉及国家秘密")}
            """);

        site.BuildSuccessfully();

        Assert.DoesNotContain("/old/b.html", site.ReadOutput("_redirects"));
    }
}
