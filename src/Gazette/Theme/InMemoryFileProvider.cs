using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Gazette.Theme;

/// <summary>Serves the theme's layouts to Fluid's include and render tags from memory, so rendering never touches the disk.</summary>
internal sealed class InMemoryFileProvider(IReadOnlyDictionary<string, byte[]> files) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath) =>
        files.TryGetValue(subpath.TrimStart('/'), out var bytes) ? new MemoryFileInfo(subpath, bytes) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFileInfo(string path, byte[] bytes) : IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => Path.GetFileName(path);

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
