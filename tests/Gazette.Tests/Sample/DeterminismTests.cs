using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Sample;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_of_the_sample_content_are_byte_identical()
    {
        var first = Path.Combine(Path.GetTempPath(), "gazette-det-" + Guid.NewGuid().ToString("N")[..8]);
        var second = Path.Combine(Path.GetTempPath(), "gazette-det-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Assert.True(new BuildPipeline().Run(BuildOptions.ForSite(Repository.Root, output: first)).Succeeded);
            Assert.True(new BuildPipeline().Run(BuildOptions.ForSite(Repository.Root, output: second)).Succeeded);
            var files = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
            Assert.Equal(files, Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order());
            Assert.NotEmpty(files);
            var differing = files.Where(f => !File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f)))).ToList();
            Assert.True(differing.Count == 0, string.Join("\n", differing.Select(f => FirstDifference(Path.Combine(first, f), Path.Combine(second, f), f))));
        }
        finally
        {
            foreach (var dir in new[] { first, second }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>The first line two text files differ in, both ways, so a failure says what changed rather than only where.</summary>
    private static string FirstDifference(string a, string b, string name)
    {
        var left = File.ReadAllLines(a);
        var right = File.ReadAllLines(b);
        var line = Enumerable.Range(0, Math.Max(left.Length, right.Length))
            .FirstOrDefault(i => i >= left.Length || i >= right.Length || left[i] != right[i], -1);
        if (line < 0)
        {
            return $"{name}: the same lines, different bytes (line endings or a last newline)";
        }

        string At(string[] lines) => line < lines.Length ? lines[line] : "(no line)";
        return $"{name} line {line + 1}:\n  first:  {At(left)}\n  second: {At(right)}";
    }
}
