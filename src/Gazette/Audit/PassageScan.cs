using System.Text;

namespace Gazette.Audit;

/// <summary>
/// One thread's look through texts (files of the built site) for the passages of a <see cref="PassageFinder"/>, a piece at a
/// time: the caller reads the next piece of UTF-8 into <see cref="Space"/> and hands it over with <see cref="Take"/>. Each
/// piece is looked through after the end of the one before — as long as the longest passage less one byte — so that a passage
/// across two pieces is found too; no text is ever held whole. Reused from text to text, it makes no garbage per text.
/// </summary>
public sealed class PassageScan
{
    /// <summary>The most bytes a piece holds.</summary>
    public const int PieceSize = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly PassageFinder _finder;
    private readonly byte[] _bytes;
    private readonly int _overlap;
    private readonly HashSet<int> _found = [];
    private int _kept;

    // Only when a passage holds U+FFFD: the text decoded, a piece at a time as well.
    private readonly Decoder? _decoder;
    private readonly char[] _chars = [];
    private readonly int _charOverlap;
    private readonly HashSet<WithheldPassage> _foundDecoded = [];
    private int _charsKept;

    internal PassageScan(PassageFinder finder)
    {
        _finder = finder;
        _overlap = Math.Max(0, (finder.Bytes?.Longest ?? 0) - 1);
        _bytes = new byte[_overlap + PieceSize];
        if (finder.DecodedSearch is not null)
        {
            var longest = finder.Decoded.Max(p => p.Text.Length);
            _decoder = Utf8.GetDecoder();
            _chars = new char[Utf8.GetMaxCharCount(PieceSize) + longest];
            _charOverlap = longest - 1;
        }
    }

    /// <summary>Where the next piece of the text goes: <see cref="PieceSize"/> bytes.</summary>
    public Span<byte> Space => _bytes.AsSpan(_kept, PieceSize);

    /// <summary>Starts a new text; the passages found so far stay found until <see cref="TakeFound"/>.</summary>
    public void Begin()
    {
        _kept = 0;
        _charsKept = 0;
        _decoder?.Reset();
    }

    /// <summary>Looks through the next <paramref name="count"/> bytes of the text, just read into <see cref="Space"/>; 0 ends the text.</summary>
    public void Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PieceSize);
        if (_decoder is not null)
        {
            TakeDecoded(_bytes.AsSpan(_kept, count), flush: count == 0);
        }

        if (count == 0)
        {
            return;
        }

        var total = _kept + count;
        _finder.Bytes?.Find(_bytes.AsSpan(0, total), _found);
        _kept = Math.Min(_overlap, total);
        _bytes.AsSpan(total - _kept, _kept).CopyTo(_bytes);
    }

    /// <summary>
    /// Looks through a whole text at hand, as <see cref="Begin"/>, pieces of it and <see cref="Take"/>(0) would: at once and without
    /// copying it, when no passage is looked for in decoded text (usually none is).
    /// </summary>
    public void Whole(ReadOnlySpan<byte> text)
    {
        Begin();
        if (_decoder is null)
        {
            _finder.Bytes?.Find(text, _found);
            return;
        }

        while (text.Length > 0)
        {
            var piece = Math.Min(PieceSize, text.Length);
            text[..piece].CopyTo(Space);
            Take(piece);
            text = text[piece..];
        }

        Take(0);
    }

    /// <summary>The passages found since the last call, each once.</summary>
    public IReadOnlyList<WithheldPassage> TakeFound()
    {
        if (_found.Count == 0 && _foundDecoded.Count == 0)
        {
            return [];
        }

        var found = _found.Order().Select(i => _finder.ByBytes[i]).Concat(_foundDecoded).ToList();
        _found.Clear();
        _foundDecoded.Clear();
        return found;
    }

    private void TakeDecoded(ReadOnlySpan<byte> bytes, bool flush)
    {
        var total = _charsKept + _decoder!.GetChars(bytes, _chars.AsSpan(_charsKept), flush);
        var text = _chars.AsSpan(0, total);
        for (var from = 0; from < text.Length;)
        {
            var at = text[from..].IndexOfAny(_finder.DecodedSearch!);
            if (at < 0)
            {
                break;
            }

            at += from;
            foreach (var passage in _finder.Decoded)
            {
                if (text[at..].StartsWith(passage.Text, StringComparison.Ordinal))
                {
                    _foundDecoded.Add(passage);
                }
            }

            from = at + 1;
        }

        _charsKept = Math.Min(_charOverlap, total);
        text[(total - _charsKept)..].CopyTo(_chars);
    }
}
