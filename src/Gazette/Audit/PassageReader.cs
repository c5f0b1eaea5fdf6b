using System.IO.Compression;
using System.Text;

namespace Gazette.Audit;

/// <summary>
/// One thread's look through files of the built site for the passages of a <see cref="PassageFinder"/>: a file on disk
/// (<see cref="Find(string)"/>), a file's bytes at hand as it is written (<see cref="Find(byte[])"/>) or a file's bytes as they
/// are streamed (<see cref="Begin"/>, <see cref="Take"/>, <see cref="End"/>). A file of gzip data is looked through as the data
/// it inflates to, a text in UTF-16 (byte order mark FF FE: a copied attachment or theme file) in UTF-8, any other file as its
/// bytes are. The file is never held whole: it is read (and inflated) a piece at a time into buffers the reader keeps, so it
/// makes no garbage per file.
/// </summary>
public sealed class PassageReader(PassageFinder finder)
{
    /// <summary>Files that hold no text to look through (their passages could only be found by chance).</summary>
    private static readonly HashSet<string> Binary = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".pdf", ".zip", ".doc", ".docx",
        ".xls", ".xlsx", ".ppt", ".pptx", ".ofd", ".wps", ".et", ".rar", ".7z",
    };

    /// <summary>Whether the file <paramref name="name"/> holds no text to look through, by its extension (its name is still looked at).</summary>
    public static bool HoldsNoText(string name) => Binary.Contains(Path.GetExtension(name));

    /// <summary>The UTF-16 bytes taken at a time: even, and at most two thirds of a piece (three UTF-8 bytes for two).</summary>
    private const int WidePiece = PassageScan.PieceSize / 3 * 2 - 16;

    private readonly PassageScan _scan = finder.NewScan();
    private byte[]? _packed;
    private byte[]? _wide;
    private char[]? _chars;
    private readonly Decoder _decoder = Encoding.Unicode.GetDecoder();
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();
    private int _taken;
    private int _streamed;
    private byte _first;

    /// <summary>The passages in a file's text: its bytes, or the data they inflate to when they are gzip data.</summary>
    public IReadOnlyList<WithheldPassage> Find(string file)
    {
        try
        {
            Scan(file, inflate: true);
        }
        catch (InvalidDataException)
        {
            Scan(file, inflate: false); // it only began like gzip data: its bytes are the text
        }

        return _scan.TakeFound();
    }

    /// <summary>The passages in the text of a file whose bytes are <paramref name="bytes"/>, as <see cref="Find(string)"/> would find them in the file.</summary>
    public IReadOnlyList<WithheldPassage> Find(byte[] bytes)
    {
        _scan.Begin();
        if (bytes is [0x1f, 0x8b, ..])
        {
            try
            {
                Inflate(new MemoryStream(bytes, writable: false));
                return _scan.TakeFound();
            }
            catch (InvalidDataException)
            {
                _scan.Begin(); // it only began like gzip data: its bytes are the text
            }
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            ScanWide(new MemoryStream(bytes, 2, bytes.Length - 2, writable: false));
            return _scan.TakeFound();
        }

        _scan.Whole(bytes);
        return _scan.TakeFound();
    }

    /// <summary>Starts a file whose bytes come a part at a time (<see cref="Take"/>): a text in UTF-8, as Gazette writes its own.</summary>
    public void Begin()
    {
        _scan.Begin();
        _taken = 0;
        _streamed = 0;
    }

    /// <summary>
    /// Looks through the next bytes of the file <see cref="Begin"/> started. False when the file turns out to begin as gzip data
    /// or a UTF-16 text would: the bytes must then be read as the file (<see cref="Find(string)"/>), and the rest need not be given.
    /// </summary>
    public bool Take(ReadOnlySpan<byte> bytes)
    {
        if (_streamed < 2 && bytes.Length > 0)
        {
            var first = _streamed == 0 ? bytes[0] : _first;
            if (_streamed == 1 || bytes.Length >= 2)
            {
                var second = _streamed == 1 ? bytes[0] : bytes[1];
                if ((first, second) is (0x1f, 0x8b) or (0xFF, 0xFE))
                {
                    return false;
                }
            }

            _first = first;
        }

        _streamed += bytes.Length;
        while (bytes.Length > 0)
        {
            var piece = Math.Min(PassageScan.PieceSize - _taken, bytes.Length);
            bytes[..piece].CopyTo(_scan.Space[_taken..]);
            _taken += piece;
            bytes = bytes[piece..];
            if (_taken == PassageScan.PieceSize)
            {
                _scan.Take(_taken);
                _taken = 0;
            }
        }

        return true;
    }

    /// <summary>Ends the file <see cref="Begin"/> started: the passages in it.</summary>
    public IReadOnlyList<WithheldPassage> End()
    {
        if (_taken > 0)
        {
            _scan.Take(_taken);
            _taken = 0;
        }

        _scan.Take(0);
        return _scan.TakeFound();
    }

    private void Scan(string file, bool inflate)
    {
        // FileShare.ReadWrite: no lock is taken (nothing else writes the staging folder now).
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        _scan.Begin();
        var read = RandomAccess.Read(handle, _scan.Space, 0);
        if (inflate && read >= 2 && _scan.Space[0] == 0x1f && _scan.Space[1] == 0x8b)
        {
            // Inflated from the bytes just read when they are the whole file (they nearly always are), else from the file
            _packed ??= new byte[PassageScan.PieceSize];
            _scan.Space[..read].CopyTo(_packed);
            var whole = read < _packed.Length && RandomAccess.Read(handle, _packed.AsSpan(read), read) == 0;
            using var packed = whole ? new MemoryStream(_packed, 0, read, writable: false) : (Stream)new FileStream(handle, FileAccess.Read, bufferSize: 0);
            Inflate(packed);
            return;
        }

        if (read >= 2 && _scan.Space is [0xFF, 0xFE, ..])
        {
            using var wide = new FileStream(handle, FileAccess.Read, bufferSize: 0) { Position = 2 };
            ScanWide(wide);
            return;
        }

        for (long at = 0; read > 0; at += read, read = RandomAccess.Read(handle, _scan.Space, at))
        {
            _scan.Take(read);
        }

        _scan.Take(0);
    }

    private void Inflate(Stream packed)
    {
        using var gzip = new GZipStream(packed, CompressionMode.Decompress);
        var start = gzip.ReadAtLeast(_scan.Space[..2], 2, throwOnEndOfStream: false);
        if (start == 2 && _scan.Space is [0xFF, 0xFE, ..])
        {
            ScanWide(gzip);
            return;
        }

        for (var filled = -1; filled != 0;)
        {
            filled = start;
            start = 0;
            try
            {
                int read;
                do
                {
                    read = gzip.Read(_scan.Space[filled..]);
                    filled += read;
                }
                while (read > 0 && filled < PassageScan.PieceSize);
            }
            finally
            {
                _scan.Take(filled); // what was inflated before the data turned out broken is looked through too
            }
        }
    }

    /// <summary>
    /// Looks through a text in UTF-16 (little-endian, after its byte order mark: a copied attachment or theme file) in UTF-8,
    /// as the passages are: <see cref="WidePiece"/> bytes at a time, which make at most a piece in UTF-8.
    /// </summary>
    private void ScanWide(Stream input)
    {
        _wide ??= new byte[WidePiece];
        _chars ??= new char[WidePiece / 2 + 2];
        _decoder.Reset();
        _encoder.Reset();
        for (var last = false; !last;)
        {
            var filled = 0;
            try
            {
                int read;
                do
                {
                    read = input.Read(_wide, filled, WidePiece - filled);
                    filled += read;
                }
                while (read > 0 && filled < WidePiece);
                last = read == 0;
            }
            finally
            {
                // what was read before the data turned out broken is looked through too
                var chars = _decoder.GetChars(_wide, 0, filled, _chars, 0, flush: last);
                var bytes = _encoder.GetBytes(_chars.AsSpan(0, chars), _scan.Space, flush: last);
                if (bytes > 0)
                {
                    _scan.Take(bytes);
                }
            }
        }

        _scan.Take(0);
    }
}
