using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gazette.Content;

/// <summary>
/// A YAML parser that stops, with a <see cref="YamlException"/> at the place (<see cref="KeyNotAWordException"/> for a key), on what would make building the node tree run
/// without bound: YamlDotNet builds it recursively, so nesting deeper than <see cref="MaxDepth"/> levels would overflow the
/// stack, and it hashes mapping keys whole, so a key that is a list, a mapping or an alias could contain itself
/// (<c>? &amp;a [*a]</c>) or expand to billions of values. Keys in content are plain words: nothing valid is refused.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    /// <summary>How many lists and mappings may be open at once; content nests four or five, a catalogue tree a few more.</summary>
    public const int MaxDepth = 64;

    /// <summary>The lists and mappings open at the current event; for a mapping, whether its next node is a key.</summary>
    private readonly Stack<(bool IsMapping, bool KeyNext)> _open = new();

    public ParsingEvent Current => inner.Current!;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        var isKey = _open.TryPeek(out var parent) && parent is { IsMapping: true, KeyNext: true };
        switch (current)
        {
            case MappingStart or SequenceStart when isKey:
                throw new KeyNotAWordException(current.Start, current.End, "a key must be a plain word, not a list or a mapping");
            case AnchorAlias when isKey:
                throw new KeyNotAWordException(current.Start, current.End, "a key must be a plain word, not an alias (*name)");
            case MappingStart or SequenceStart when _open.Count >= MaxDepth:
                throw new YamlException(current.Start, current.End, $"lists and mappings are nested more than {MaxDepth} levels deep");
            case MappingStart:
                _open.Push((true, true));
                break;
            case SequenceStart:
                _open.Push((false, false));
                break;
            case MappingEnd or SequenceEnd:
                _open.TryPop(out _);
                NodeDone();
                break;
            case Scalar or AnchorAlias:
                NodeDone();
                break;
        }

        return true;
    }

    /// <summary>A whole node was read: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private void NodeDone()
    {
        if (_open.TryPop(out var parent))
        {
            _open.Push(parent.IsMapping ? parent with { KeyNext = !parent.KeyNext } : parent);
        }
    }
}
