using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

/// <summary>The paths diagnostics print: relative to the site root, with forward slashes, as Path.GetRelativePath gives them.</summary>
public sealed class BuildOptionsTests
{
    [Theory]
    [InlineData("/srv/site", "/srv/site/content/documents/2019/a.md")]
    [InlineData("/srv/site/", "/srv/site/content/documents/2019/a.md")]
    [InlineData("/srv/site", "/srv/site/content/documents/./2019/a.md")]
    [InlineData("/srv/site", "/srv/site/content/documents/../site.yml")]
    [InlineData("/srv/site", "/srv/site/content//documents/a.md")]
    [InlineData("/srv/site", "/srv/site/content/.hidden/a.md")]
    [InlineData("/srv/site", "/srv/sitex/content/a.md")]
    [InlineData("/srv/site", "/srv/other/content/a.md")]
    [InlineData("/srv/site", "/srv/site")]
    [InlineData("/srv/site", "/srv/site/")]
    [InlineData("/srv/site", "/srv/site/文件/公告.md")]
    [InlineData("/", "/srv/site/content/a.md")]
    public void A_path_is_made_relative_to_the_root_as_GetRelativePath_makes_it(string root, string path)
    {
        var options = new BuildOptions(root, Path.Combine(root, "content"), Path.Combine(root, "theme"), Path.Combine(root, "public"));

        Assert.Equal(Path.GetRelativePath(root, path).Replace('\\', '/'), options.Relative(path));
    }
}
