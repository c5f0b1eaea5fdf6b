using System.Threading.Channels;

namespace Gazette.Cli.Serve;

/// <summary>
/// Watches folders (content and theme) for changes and hands them out in bursts: a save that touches several files, or an
/// editor writing a file in steps, is one change once the folders have been quiet for <see cref="Quiet"/>.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();

    public SiteWatcher(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += (_, e) => Note(e.FullPath);
            watcher.Created += (_, e) => Note(e.FullPath);
            watcher.Deleted += (_, e) => Note(e.FullPath);
            watcher.Renamed += (_, e) => Note(e.FullPath);
            watcher.Error += (_, _) => Note(folder); // events were lost (too many at once): rebuild anyway
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Waits for the next burst of changes and gives the paths changed in it (each once, in order).</summary>
    public async Task<IReadOnlyList<string>> Next(CancellationToken cancellation)
    {
        var paths = new List<string> { await _changes.Reader.ReadAsync(cancellation) };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            quiet.CancelAfter(Quiet);
            try
            {
                paths.Add(await _changes.Reader.ReadAsync(quiet.Token));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return paths.Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    // Editors' swap and backup files (.x.swp, x~, .#x) are not content.
    private void Note(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return;
        }

        _changes.Writer.TryWrite(path);
    }
}
