using Gazette.Diagnostics;
using Gazette.Pipeline;

namespace Gazette.Tests.Diagnostics;

/// <summary>The order a build reports its diagnostics in: by file (ordinal), line, column and code, each once.</summary>
public sealed class DiagnosticOrderTests
{
    [Fact]
    public void Diagnostics_are_sorted_by_file_line_column_and_code_and_those_of_one_place_and_code_keep_the_order_they_were_reported_in()
    {
        var bag = new DiagnosticBag();
        bag.Warning(new SourceLocation("content/documents/b.md", 3, 1), Codes.YamlSyntax, "second at b:3");
        bag.Error(new SourceLocation("content/documents/b.md", 3, 1), Codes.FileUnreadable, "first at b:3 by code");
        bag.Warning(new SourceLocation("content/documents/a.md", 10, 2), Codes.YamlSyntax, "a:10:2");
        bag.Warning(new SourceLocation("content/documents/a.md", 10, 1), Codes.YamlSyntax, "a:10:1");
        bag.Warning(new SourceLocation("content/documents/a.md", 9, 5), Codes.YamlSyntax, "a:9");
        bag.Warning(new SourceLocation("content/documents/B.md", 1, 1), Codes.YamlSyntax, "B sorts before a (ordinal)");
        bag.Warning(new SourceLocation("content/documents/b.md", 3, 1), Codes.YamlSyntax, "third at b:3, reported after the second");
        bag.Warning(new SourceLocation("content/documents/b.md", 3, 1), Codes.YamlSyntax, "second at b:3"); // again: once only
        bag.Warning(new SourceLocation("content/documents/a.md", 10, 1), Codes.YamlSyntax, "a:10:1"); // again

        var sorted = BuildPipeline.Sorted(bag);

        Assert.Equal(
        [
            "B sorts before a (ordinal)", "a:9", "a:10:1", "a:10:2", "first at b:3 by code", "second at b:3",
            "third at b:3, reported after the second",
        ], sorted.Select(d => d.Message));
    }

    [Fact]
    public void Sixty_thousand_warnings_of_thirty_thousand_files_many_at_one_place_come_out_as_a_sort_of_the_four_keys_would_give_them()
    {
        var random = new Random(7);
        var bag = new DiagnosticBag();
        var codes = new[] { Codes.YamlSyntax, Codes.FileUnreadable, Codes.MissingFile };
        for (var i = 0; i < 60_000; i++)
        {
            var location = new SourceLocation($"content/documents/{random.Next(2010, 2026)}/{random.Next(2_000)}.md", random.Next(1, 4), random.Next(1, 3));
            bag.Warning(location, codes[random.Next(codes.Length)], $"message {random.Next(3)}");
        }

        var expected = bag.Items
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code.Id, StringComparer.Ordinal)
            .Distinct()
            .ToList();

        Assert.InRange(expected.Count, 50_000, 59_500); // some reported twice
        Assert.Equal(expected, BuildPipeline.Sorted(bag));
    }

    [Fact]
    public void Two_lists_sorted_apart_and_merged_come_out_as_the_sort_of_the_first_reported_before_the_second()
    {
        var random = new Random(11);
        var codes = new[] { Codes.YamlSyntax, Codes.FileUnreadable, Codes.MissingFile };
        Diagnostic Any() => new(new SourceLocation($"content/documents/{random.Next(40)}.md", random.Next(1, 3), random.Next(1, 3)),
            Severity.Warning, codes[random.Next(codes.Length)], $"message {random.Next(3)}");
        var (first, then) = (new DiagnosticBag(), new DiagnosticBag());
        for (var i = 0; i < 3_000; i++)
        {
            (random.Next(4) == 0 ? first : then).AddRange([Any()]); // many of one place and code in both, some equal
        }

        var both = new DiagnosticBag();
        both.AddRange(first.Items);
        both.AddRange(then.Items);

        Assert.Equal(BuildPipeline.Sorted(both), BuildPipeline.Merged(BuildPipeline.Sorted(first), BuildPipeline.Sorted(then)));
        Assert.Equal(BuildPipeline.Sorted(then), BuildPipeline.Merged([], BuildPipeline.Sorted(then)));
        Assert.Equal(BuildPipeline.Sorted(first), BuildPipeline.Merged(BuildPipeline.Sorted(first), []));
    }
}
