namespace Gazette.Tests.Support;

/// <summary>Paths inside the repository under test, found from the test binary's folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Theme => Path.Combine(Root, "theme");

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gazette.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gazette.sln not found above " + AppContext.BaseDirectory);
    }
}
