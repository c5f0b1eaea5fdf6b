namespace Gazette.Integrity;

/// <summary>
/// A copy of a built site that <see cref="VerifySite"/> checks: a folder (<see cref="FolderCopy"/>) or a web site
/// (<see cref="HttpCopy"/>). Paths are relative to the site's root with forward slashes. A file that cannot be read for another
/// reason than being absent throws <see cref="IOException"/> with a message to print.
/// </summary>
public interface IPublishedCopy
{
    /// <summary>The folder or address, as the report names it.</summary>
    string Name { get; }

    /// <summary>How many files are hashed at once.</summary>
    int Parallelism { get; }

    /// <summary>The bytes of a file, or null when it does not exist.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellation);

    /// <summary>The SHA-256 of a file, or null when it does not exist.</summary>
    Task<Sha256Digest?> HashAsync(string path, CancellationToken cancellation);

    /// <summary>Every file of the copy, or null when it cannot be listed (a web site).</summary>
    IReadOnlyList<string>? ListFiles();
}
