namespace Gazette.Tests.Stages;

/// <summary>An empty temporary folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gazette-stage-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
