using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Gazette.Output;

/// <summary>
/// Bytes of a file mapped into memory, read only, as <see cref="Memory{T}"/>: read where they are in the page cache, not copied
/// into memory of the process's own. On the bench's virtual machines a page of memory a process takes anew costs about 18 µs
/// the first time it is written, a page of a mapped file read a tenth of that: the 48 MB of a search index's saved terms took
/// 0.27 s to read into an array and 0.03 s to map and read through. Valid until disposed.
/// </summary>
internal sealed unsafe class MappedBytes : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;
    private bool _released;

    /// <summary>Maps the <paramref name="length"/> bytes of <paramref name="file"/> from <paramref name="offset"/> (the file stays open while they are mapped).</summary>
    public MappedBytes(FileStream file, long offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _file = MemoryMappedFile.CreateFromFile(file, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        _view = _file.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + _view.PointerOffset;
        _length = length;
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_released, this);
        return new Span<byte>(_start, _length);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        return new MemoryHandle(_start + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_released)
        {
            return;
        }

        _released = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
