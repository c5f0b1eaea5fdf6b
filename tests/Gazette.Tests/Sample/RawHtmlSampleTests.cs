using Gazette.Diagnostics;

namespace Gazette.Tests.Sample;

/// <summary>The sample's indicator table (luan-2018-acceptance-plan, 附件1) is raw HTML, for its merged cells.</summary>
public sealed class RawHtmlSampleTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_sample_raw_HTML_is_all_on_the_allow_list()
    {
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code == Codes.RawHtmlRemoved);
    }

    [Fact]
    public void The_indicator_table_keeps_its_merged_cells_beside_a_Markdown_table_with_its_alignment_classes()
    {
        var page = site.PageOf(site.Find("luan-2018-acceptance-plan"));

        Assert.Contains("<tr><td rowspan=\"7\" align=\"center\">1</td><td rowspan=\"7\">组织领导</td><td rowspan=\"2\">组织保障</td>", page);
        Assert.Contains("<th class=\"align-center\">权重</th>", page);
    }
}
