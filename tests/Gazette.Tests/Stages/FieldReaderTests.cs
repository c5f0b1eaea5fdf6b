using Gazette.Content;
using Gazette.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Gazette.Tests.Stages;

public sealed class FieldReaderTests
{
    private static readonly string[] Keys = ["title", "count", "date", "items", "status", "placement", "files", "summary"];

    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal) { ["有效"] = 1, ["失效"] = 2, ["废止"] = 3 };

    private static (FieldReader Fields, DiagnosticBag Diagnostics) Read(string yaml, int lineOffset = 0)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlText.Parse(yaml, "f.yml", lineOffset, diagnostics);
        Assert.Empty(diagnostics.Items);
        return (new FieldReader(Assert.IsType<YamlMappingNode>(root), "f.yml", lineOffset, diagnostics, Keys), diagnostics);
    }

    [Fact]
    public void Text_is_trimmed()
    {
        var (fields, diagnostics) = Read("title: '  关于测试的通知  '\n");

        Assert.Equal("关于测试的通知", fields.Text("title"));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_missing_optional_text_is_null_without_a_diagnostic()
    {
        var (fields, diagnostics) = Read("title: 通知\n");

        Assert.Null(fields.Text("summary"));
        Assert.False(fields.Has("summary"));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_missing_required_text_is_reported_at_the_start_of_the_mapping()
    {
        var (fields, diagnostics) = Read("\n  count: 1\n");

        Assert.Null(fields.Text("title", required: true));
        Assert.Equal(["f.yml:2:3: GZ0102"], Stage.Summary(diagnostics));
    }

    [Theory]
    [InlineData("summary:")]
    [InlineData("summary: ~")]
    [InlineData("summary: null")]
    [InlineData("summary: ")]
    public void Null_values_count_as_absent_and_required_ones_are_reported_at_the_key(string line)
    {
        var (fields, diagnostics) = Read("title: 通知\n" + line + "\n");

        Assert.False(fields.Has("summary"));
        Assert.Null(fields.Raw("summary"));
        Assert.Null(fields.Text("summary", required: true));
        Assert.Equal(["f.yml:2:1: GZ0102"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_quoted_null_is_text()
    {
        var (fields, _) = Read("summary: 'null'\n");

        Assert.Equal("null", fields.Text("summary"));
    }

    [Fact]
    public void A_list_where_text_is_expected_is_reported_at_the_value()
    {
        var (fields, diagnostics) = Read("title: [甲, 乙]\n");

        Assert.Null(fields.Text("title"));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("f.yml:1:8: GZ0104", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("'title' must be text, not a list", error.Message);
    }

    [Fact]
    public void Integers_are_read_and_non_numbers_are_reported_at_the_value()
    {
        var (fields, diagnostics) = Read("count: 42\ntitle: -3\n");

        Assert.Equal(42, fields.Integer("count"));
        Assert.Null(fields.Integer("title"));
        Assert.Equal(["f.yml:2:8: GZ0104"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Dates_are_read_and_impossible_dates_are_reported()
    {
        var (fields, diagnostics) = Read("date: 2019-07-19\ntitle: 2019-02-29\n");

        Assert.Equal(new DateOnly(2019, 7, 19), fields.Date("date"));
        Assert.Null(fields.Date("title"));
        Assert.Equal(["f.yml:2:8: GZ0103"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_leap_day_is_a_date()
    {
        var (fields, diagnostics) = Read("date: 2020-02-29\n");

        Assert.Equal(new DateOnly(2020, 2, 29), fields.Date("date"));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_text_list_accepts_a_single_text_or_a_list_and_keeps_each_location()
    {
        var (fields, diagnostics) = Read("items: [甲, 乙]\ntitle: 丙\n");

        Assert.Equal([("甲", new SourceLocation("f.yml", 1, 9)), ("乙", new SourceLocation("f.yml", 1, 12))], fields.TextList("items"));
        Assert.Equal([("丙", new SourceLocation("f.yml", 2, 8))], fields.TextList("title"));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_text_list_reports_a_mapping_and_items_that_are_not_text()
    {
        var (fields, diagnostics) = Read("items: [甲, [乙]]\ntitle: {a: b}\n");

        Assert.Equal(["甲"], fields.TextList("items").Select(i => i.Value));
        Assert.Empty(fields.TextList("title"));
        Assert.Equal(["f.yml:1:12: GZ0104", "f.yml:2:8: GZ0104"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_choice_maps_the_word_and_reports_an_unknown_one_with_a_hint()
    {
        var (fields, diagnostics) = Read("status: 失效\ntitle: 废上\n");

        Assert.Equal(2, fields.Choice("status", Statuses));
        Assert.Null(fields.Choice("title", Statuses));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("f.yml:2:8: GZ0105", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("did you mean '废止'?", error.Hint);
    }

    [Fact]
    public void A_nested_mapping_is_read_with_its_own_keys()
    {
        var (fields, diagnostics) = Read("placement: {year: 2019, page: 3}\n");

        var placement = fields.Mapping("placement", ["year", "issue"]);

        Assert.NotNull(placement);
        Assert.Equal(2019, placement.Integer("year"));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("f.yml:1:25: GZ0101", $"{error.Location}: {error.Code.Id}");
    }

    [Fact]
    public void A_text_where_a_mapping_is_expected_is_reported()
    {
        var (fields, diagnostics) = Read("placement: 第3期\n");

        Assert.Null(fields.Mapping("placement", ["year"]));
        Assert.Equal(["f.yml:1:12: GZ0104"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_list_of_mappings_reports_items_that_are_not_mappings()
    {
        var (fields, diagnostics) = Read("files:\n  - {file: a.pdf}\n  - b.pdf\n");

        var files = fields.MappingList("files", ["file", "title"]);

        Assert.Equal(["a.pdf"], files.Select(f => f.Text("file")));
        Assert.Equal(["f.yml:3:5: GZ0104"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void A_mapping_where_a_list_is_expected_is_reported()
    {
        var (fields, diagnostics) = Read("files: {file: a.pdf}\n");

        Assert.Empty(fields.MappingList("files", ["file"]));
        Assert.Equal(["f.yml:1:8: GZ0104"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Unknown_keys_are_reported_on_construction_with_a_hint()
    {
        var (_, diagnostics) = Read("title: 通知\ntitel: 通知\n");

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("f.yml:2:1: GZ0101", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("did you mean 'title'?", error.Hint);
    }

    [Fact]
    public void Extra_accepts_anything_and_is_never_read()
    {
        var (fields, diagnostics) = Read("title: 通知\nextra:\n  anything: [1, {deep: true}]\n  titel: 不检查\n");

        Assert.Empty(diagnostics.Items);
        Assert.DoesNotContain("extra", fields.Locations.Keys);
        Assert.False(fields.Has("extra"));
    }

    [Fact]
    public void A_key_that_is_not_a_word_is_reported_as_the_YAML_is_read()
    {
        // Refused while reading: YamlDotNet would hash the whole key, which may contain itself (? &a [*a]).
        var diagnostics = new DiagnosticBag();

        Assert.Null(YamlText.Parse("? [a, b]\n: c\n", "f.yml", 0, diagnostics));
        Assert.Equal(["f.yml:1:3: GZ0104"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Locations_are_shifted_by_the_line_offset()
    {
        var (fields, _) = Read("title: 通知\ncount: 3\n", lineOffset: 1);

        Assert.Equal(new SourceLocation("f.yml", 3, 1), fields.KeyAt("count"));
        Assert.Equal(new SourceLocation("f.yml", 3, 8), fields.ValueAt("count"));
        Assert.Equal(new SourceLocation("f.yml", 2, 1), fields.Start);
        Assert.Equal(["count", "title"], fields.Locations.Keys.Order(StringComparer.Ordinal));
    }
}
