using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>GZ0312: raw HTML that is not on the allow-list is removed with a warning at its tag; the site still builds.</summary>
public sealed class RawHtmlWarningTests
{
    [Fact]
    [Trait("Code", "GZ0312")]
    public void Script_and_event_handlers_in_raw_HTML_are_removed_with_a_warning_at_each_tag_and_the_site_still_builds()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("带表格的通知",
                "见下表。\n\n<table>\n<tr><td onclick=\"steal()\">甲</td></tr>\n</table>\n\n<script>steal()</script>\n",
                "index_number: 000014350/2019-00001")}
            """);

        var result = site.BuildSuccessfully();

        var warnings = result.Diagnostics.Where(d => d.Code == Codes.RawHtmlRemoved).ToList();
        Assert.Equal(
            [
                "content/documents/a.md:16:5: warning: the onclick attribute of <td> was removed: raw HTML may not run script [GZ0312]",
                "content/documents/a.md:19:1: warning: the <script> element was removed: raw HTML may not run script [GZ0312]",
            ],
            warnings.Select(w => w.ToString().Split('\n')[0]));
        Assert.DoesNotContain("steal", site.ReadOutput("documents/000014350/2019-00001/index.html"), StringComparison.Ordinal);
    }
}
