using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gazette.Content;

/// <summary>
/// The shapes front matter is nearly always written in, read without YamlDotNet's scanner: a block mapping of word keys whose
/// values are one-line scalars (plain, "double" or 'single' quoted), one-line flow lists and flow mappings of such scalars,
/// nested block mappings and block lists of scalars or mappings. It gives the events YamlDotNet's <see cref="Parser"/> gives for
/// the same text — values, styles and the marks diagnostics point at — and null for anything else (a block scalar, a scalar over
/// two lines, an escape other than \" and \\, an anchor, a tag, a comment after a value, a tab, a collection in a flow
/// collection, a syntax error, ...), which YamlDotNet then reads (<see cref="YamlText.Parse"/>). With the node tree built from
/// the events, a front matter took YamlDotNet 37 µs in a build of 50,000 documents (1.8 s; 16 µs at best, its code optimized
/// and warm) and takes 15 µs with this (6-7 µs alone; the events themselves about 4 µs).
/// </summary>
internal sealed class SimpleYamlParser : IParser
{
    /// <summary>The longest key read here: YAML limits a key written without '?' to 1,024 characters, and YamlDotNet fails past it.</summary>
    private const int MaxKey = 100;

    private readonly string _text;
    private readonly List<(int Start, int Content, int End, int Number)> _lines = []; // the lines that hold something: where each starts, its first non-space, its end (before \n) and its number
    private readonly List<ParsingEvent> _events = [];
    private int _line; // the line being read
    private int _next; // the event MoveNext gives next

    private SimpleYamlParser(string text) => _text = text;

    public ParsingEvent? Current { get; private set; }

    /// <summary>A parser giving the events of <paramref name="text"/>, as YamlDotNet's gives them; null when it is not of the shapes read here.</summary>
    public static SimpleYamlParser? TryParse(string text)
    {
        // Tabs, carriage returns, other control characters and surrogate pairs (whose columns are counted otherwise) are left to YamlDotNet
        foreach (var c in text)
        {
            if ((c < ' ' && c != '\n') || char.IsSurrogate(c) || c is '\uFEFF' or '\u007F' or '\u0085' or '\u2028' or '\u2029')
            {
                return null;
            }
        }

        if (text.Length == 0 || text[^1] != '\n')
        {
            return null; // where YamlDotNet's last marks go after a last line with no line break is not worked out here
        }

        var parser = new SimpleYamlParser(text);
        return parser.Lines() && parser.Document() ? parser : null;
    }

    public bool MoveNext()
    {
        Current = _next < _events.Count ? _events[_next++] : null;
        return Current is not null;
    }

    /// <summary>Lists the lines that hold something; false at a line a document marker or a directive starts.</summary>
    private bool Lines()
    {
        for (int start = 0, number = 1; start < _text.Length; number++)
        {
            var end = _text.IndexOf('\n', start);
            end = end < 0 ? _text.Length : end;
            var content = Skip(start, end);

            if (content < end && _text[content] != '#')
            {
                if (content == start && (_text[start] == '%' || _text.AsSpan(start, end - start) is ['-', '-', '-', ..] or ['.', '.', '.', ..]))
                {
                    return false;
                }

                _lines.Add((start, content, end, number));
            }

            start = end + 1;
        }

        return _lines.Count > 0;
    }

    private bool Document()
    {
        var start = new Mark(0, 1, 1);
        _events.Add(new StreamStart(start, start));
        var first = At(_lines[0].Content);
        _events.Add(new DocumentStart(null, null, true, first, first));
        if (_lines[0].Content != _lines[0].Start || !Mapping(_lines[0].Content) || _line < _lines.Count)
        {
            return false;
        }

        var end = End();
        _events.Add(new DocumentEnd(true, end, end));
        _events.Add(new StreamEnd(end, end));
        return true;
    }

    /// <summary>A block mapping whose first key is at <paramref name="first"/> (on the line being read); its other keys start lines at the same column.</summary>
    private bool Mapping(int first)
    {
        var indent = first - _lines[_line].Start;
        var mark = At(first);
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, mark, mark));
        for (var at = first; ; at = _lines[_line].Content)
        {
            // A key: a word and a colon
            var end = _lines[_line].End;
            var key = Key(at, end);
            if (key < 0)
            {
                return false;
            }

            var value = Skip(key + 1, end);

            if (value < end)
            {
                // Its value on the same line
                if (!Inline(value, end))
                {
                    return false;
                }

                _line++;
            }
            else
            {
                // Its value on the lines below: a list (indented, or at the key's column), a mapping, or none
                if (value != key + 1)
                {
                    return false; // spaces after the colon and nothing else: where YamlDotNet puts the empty value is not worked out here
                }

                var empty = At(key + 1);
                _line++;
                if (_line < _lines.Count && Indent(_line) >= indent && (Indent(_line) > indent || IsDash(_lines[_line].Content)))
                {
                    if (IsDash(_lines[_line].Content) ? !Sequence(Indent(_line)) : !Mapping(_lines[_line].Content))
                    {
                        return false;
                    }
                }
                else
                {
                    _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, "", ScalarStyle.Plain, true, false, empty, empty));
                }
            }

            if (_line == _lines.Count || Indent(_line) < indent)
            {
                break;
            }

            if (Indent(_line) > indent || IsDash(_lines[_line].Content))
            {
                return false; // a line below a value, further in: a scalar over two lines, or an error
            }
        }

        var close = End();
        _events.Add(new MappingEnd(close, close));
        return true;
    }

    /// <summary>A block list whose dashes are at <paramref name="indent"/>, from the line being read.</summary>
    private bool Sequence(int indent)
    {
        var dash = _lines[_line].Content;
        var indentless = _line > 0 && _events[^1] is Scalar { IsKey: true } && indent == KeyIndent();
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, At(dash), At(indentless ? dash + 1 : dash)));
        while (_line < _lines.Count && Indent(_line) == indent && IsDash(_lines[_line].Content))
        {
            var (_, content, end, _) = _lines[_line];
            var item = Skip(content + 1, end);

            if (item == end || item == content + 1 || IsDash(item))
            {
                return false; // an item on the lines below, or a list in a list
            }

            if (IsKeyAt(item, end))
            {
                if (!Mapping(item))
                {
                    return false;
                }
            }
            else
            {
                if (!Inline(item, end))
                {
                    return false;
                }

                _line++;
                if (_line < _lines.Count && Indent(_line) > indent)
                {
                    return false;
                }
            }
        }

        if (_line < _lines.Count && Indent(_line) > indent)
        {
            return false;
        }

        var close = End();
        _events.Add(new SequenceEnd(close, close));
        return true;
    }

    /// <summary>How many spaces a line (of those that hold something) starts with.</summary>
    private int Indent(int line) => _lines[line].Content - _lines[line].Start;

    /// <summary>The column (from 0) of the key the last event is, for a list at that column (YAML's "indentless" list).</summary>
    private int KeyIndent()
    {
        var key = _events[^1].Start;
        return (int)key.Column - 1;
    }

    /// <summary>A scalar, a flow list or a flow mapping from <paramref name="start"/> to the end of its line (spaces may follow).</summary>
    private bool Inline(int start, int end)
    {
        var after = _text[start] is '[' or '{' ? Flow(start, end, mapping: _text[start] == '{') : Scalar(start, end, closer: null);
        return after >= 0 && Skip(after, end) == end;
    }

    /// <summary>
    /// A flow list of scalars, [a, "b", c], or a flow mapping of word keys and scalars, {a: 1, b: "c"}, on one line; the place
    /// after its closing bracket, or -1.
    /// </summary>
    private int Flow(int start, int end, bool mapping)
    {
        var closer = mapping ? '}' : ']';
        var open = At(start);
        _events.Add(mapping
            ? new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, open, open)
            : new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, open, open));
        var at = Skip(start + 1, end);
        for (var first = true; !first || at == end || _text[at] != closer; first = false) // (an empty one closes at once)
        {
            if (mapping && (at = Key(at, end)) >= 0)
            {
                at = Skip(at + 1, end);
            }

            if (at < 0 || at == end || (at = Scalar(at, end, closer)) < 0 || (at = Skip(at, end)) == end)
            {
                return -1;
            }

            if (_text[at] == closer)
            {
                break;
            }

            if (_text[at] != ',')
            {
                return -1;
            }

            at = Skip(at + 1, end);
        }

        var close = At(at);
        _events.Add(mapping ? new MappingEnd(close, close) : new SequenceEnd(close, close));
        return at + 1;
    }

    /// <summary>A scalar at <paramref name="start"/>; the place after it, or -1.</summary>
    /// <param name="closer">in a flow collection, the bracket that closes it (the scalar ends at it or at a comma); null in a block.</param>
    private int Scalar(int start, int end, char? closer)
    {
        var first = _text[start];
        if (first is '"' or '\'')
        {
            var value = new System.Text.StringBuilder();
            for (var at = start + 1; at < end; at++)
            {
                var c = _text[at];
                if (c == first && (first == '"' || at + 1 == end || _text[at + 1] != '\''))
                {
                    var style = first == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted;
                    _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value.ToString(), style, false, true, At(start), At(at + 1)));
                    return at + 1;
                }

                if (first == '\'' && c == '\'')
                {
                    at++; // '' is '
                }
                else if (first == '"' && c == '\\')
                {
                    if (at + 1 == end || _text[at + 1] is not ('"' or '\\'))
                    {
                        return -1;
                    }

                    c = _text[++at];
                }

                value.Append(c);
            }

            return -1; // not closed on its line
        }

        if (first is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
        {
            return -1;
        }

        // Plain: up to the end of the line (in a flow list, to its next comma or bracket), less the spaces at its end; ": " (a
        // mapping), " #" (a comment) and, in a flow list, a colon or a bracket of another collection are left to YamlDotNet
        var last = start;
        for (var at = start; at < end; at++)
        {
            var c = _text[at];
            if (closer is not null && (c == ',' || c == closer))
            {
                break;
            }

            if ((c == ':' && (closer is not null || at + 1 == end || _text[at + 1] == ' ')) || (c == '#' && _text[at - 1] == ' ')
                || (closer is not null && c is '[' or ']' or '{' or '}'))
            {
                return -1;
            }

            if (c != ' ')
            {
                last = at + 1;
            }
        }

        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text[start..last], ScalarStyle.Plain, true, false, At(start), At(last)));
        return last;
    }

    /// <summary>The first place from <paramref name="at"/> that is not a space, or <paramref name="end"/>.</summary>
    private int Skip(int at, int end)
    {
        while (at < end && _text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private bool IsDash(int at) => _text[at] == '-' && (at + 1 == _text.Length || _text[at + 1] is ' ' or '\n');

    /// <summary>A key at <paramref name="at"/>, a word and a colon (then a space or the line's end), its event added; the colon's place, or -1.</summary>
    private int Key(int at, int end)
    {
        if (WordEnd(at, end) is not (> 0 and var key))
        {
            return -1;
        }

        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _text[at..key], ScalarStyle.Plain, true, false, At(at), At(key), isKey: true));
        return key;
    }

    /// <summary>Whether a key starts at <paramref name="at"/> (<see cref="Key"/>).</summary>
    private bool IsKeyAt(int at, int end) => WordEnd(at, end) > 0;

    /// <summary>The end of the word at <paramref name="at"/> that a colon follows (then a space or the line's end); -1 when there is none.</summary>
    private int WordEnd(int at, int end)
    {
        var key = at;
        while (key < end && (char.IsAsciiLetterOrDigit(_text[key]) || _text[key] is '_' or '-'))
        {
            key++;
        }

        var word = key > at && key - at <= MaxKey && _text[at] != '-';
        return word && key < end && _text[key] == ':' && (key + 1 == end || _text[key + 1] == ' ') ? key : -1;
    }

    /// <summary>Where the token after what was read starts: the next line's first character, or the end of the text.</summary>
    private Mark End()
    {
        if (_line < _lines.Count)
        {
            return At(_lines[_line].Content);
        }

        return new Mark(_text.Length, _text.AsSpan().Count('\n') + 1, 1); // the text ends with a line break (TryParse)
    }

    /// <summary>The mark of a place on a line that holds something (found from the line being read).</summary>
    private Mark At(int index)
    {
        var line = Math.Min(_line, _lines.Count - 1);
        while (_lines[line].Start > index)
        {
            line--;
        }

        while (line + 1 < _lines.Count && _lines[line + 1].Start <= index)
        {
            line++;
        }

        var (start, _, _, number) = _lines[line];
        return new Mark(index, number, index - start + 1);
    }
}
