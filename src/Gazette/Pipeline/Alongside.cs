namespace Gazette.Pipeline;

/// <summary>
/// Work started on another thread while the build goes on (a cache file written while the build's serial stretches leave a
/// core idle), and waited for when disposed: a build does not end before it, whichever way it ends.
/// </summary>
internal sealed class Alongside(Action work) : IDisposable
{
    private readonly Task _running = Task.Run(work);

    /// <summary>Waits for the work to end; an exception of the work is thrown here.</summary>
    public void Dispose() => _running.GetAwaiter().GetResult();
}
