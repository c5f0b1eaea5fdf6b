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
            Assert.All(files, f => Assert.True(
                File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f))), $"{f} differs"));
        }
        finally
        {
            foreach (var dir in new[] { first, second }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
