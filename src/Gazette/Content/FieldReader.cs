using System.Globalization;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Gazette.Content;

/// <summary>
/// Reads the keys of one YAML mapping into typed values, reporting every problem with its line and column.
/// Unknown keys are reported on construction; <c>extra</c> is always allowed and never read.
/// </summary>
internal sealed partial class FieldReader
{
    public const string ExtraKey = "extra";

    /// <summary>The values of a yes/no field, for <see cref="Choice{T}"/>.</summary>
    public static IReadOnlyDictionary<string, bool> Booleans { get; } = new Dictionary<string, bool>(StringComparer.Ordinal) { ["true"] = true, ["false"] = false };

    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public FieldReader(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics, IReadOnlyCollection<string> keys)
    {
        Node = node;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalar)
            {
                diagnostics.Error(At(keyNode), Codes.WrongType, "a key must be a plain word");
                continue;
            }

            if (key == ExtraKey)
            {
                continue;
            }

            if (!keys.Contains(key))
            {
                diagnostics.Error(At(keyNode), Codes.UnknownKey, $"unknown key '{key}'",
                    ChineseKeyNames.Hint(key, keys) ?? DidYouMean.Hint(key, keys) ?? $"allowed keys are {string.Join(", ", keys)}; put a site's own data under 'extra:'");
                continue;
            }

            _fields[key] = (scalar, value);
        }
    }

    public YamlMappingNode Node { get; }

    public SourceLocation Start => At(Node);

    public SourceLocation At(YamlNode node) => new(_path, (int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    /// <summary>Where each present key was written.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations =>
        _fields.ToDictionary(f => f.Key, f => At(f.Value.Key), StringComparer.Ordinal);

    public SourceLocation KeyAt(string key) => _fields.TryGetValue(key, out var f) ? At(f.Key) : Start;

    public SourceLocation ValueAt(string key) => _fields.TryGetValue(key, out var f) ? At(f.Value) : Start;

    public bool Has(string key) => _fields.TryGetValue(key, out var f) && !IsNull(f.Value);

    public YamlNode? Raw(string key) => _fields.TryGetValue(key, out var f) && !IsNull(f.Value) ? f.Value : null;

    public string? Text(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }

        if (value is not YamlScalarNode { Value: { } text })
        {
            _diagnostics.Error(At(value), Codes.WrongType, $"'{key}' must be text, not a {Describe(value)}");
            return null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                _diagnostics.Error(At(value), Codes.MissingField, $"'{key}' must not be empty");
            }

            return null;
        }

        return text;
    }

    public int? Integer(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _diagnostics.Error(ValueAt(key), Codes.WrongType, $"'{key}' must be a whole number (got \"{text}\")");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _diagnostics.Error(ValueAt(key), Codes.InvalidDate, $"'{key}' must be a date like 2019-07-19 (got \"{text}\")", DateHint(text));
        return null;
    }

    /// <summary>What is wrong with a date written another way: the same date as it should be written, or why it does not exist.</summary>
    private static string DateHint(string text)
    {
        var ascii = new string(text.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());
        if (OtherDateForm().Match(ascii) is not { Success: true } match)
        {
            return "dates are written YYYY-MM-DD and must exist in the calendar";
        }

        var (year, month, day) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return month is < 1 or > 12 ? $"there is no month {month}; dates are written YYYY-MM-DD"
            : year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) ? $"{year:D4}-{month:D2} has {DateTime.DaysInMonth(Math.Max(1, year), month)} days; dates are written YYYY-MM-DD"
            : $"write {year:D4}-{month:D2}-{day:D2}" + (match.Groups[4].Success ? ", without the time" : "");
    }

    /// <summary>2019-7-19, 2019/07/19, 2019.7.19, 2019年7月19日, maybe with a time after it.</summary>
    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+\S.*)?$")]
    private static partial Regex OtherDateForm();

    /// <summary>A value chosen from a fixed set of words; returns null (after reporting) when the word is not in the set.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        _diagnostics.Error(ValueAt(key), Codes.InvalidValue, $"'{key}' cannot be \"{text}\"",
            DidYouMean.Hint(text, choices.Keys) ?? $"write one of {string.Join(", ", choices.Keys)}");
        return null;
    }

    /// <summary>A list of texts, also accepting a single text in place of a one-item list.</summary>
    public IReadOnlyList<(string Value, SourceLocation At)> TextList(string key, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return [];
        }

        var items = value switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children,
            _ => null,
        };
        if (items is null)
        {
            _diagnostics.Error(At(value), Codes.WrongType, $"'{key}' must be a text or a list of texts, not a {Describe(value)}");
            return [];
        }

        var result = new List<(string, SourceLocation)>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                result.Add((text.Trim(), At(item)));
            }
            else
            {
                _diagnostics.Error(At(item), Codes.WrongType, $"each item of '{key}' must be a non-empty text");
            }
        }

        if (required && result.Count == 0 && items.Count == 0)
        {
            _diagnostics.Error(At(value), Codes.MissingField, $"'{key}' must name at least one item");
        }

        return result;
    }

    /// <summary>A nested mapping, read with its own allowed keys.</summary>
    public FieldReader? Mapping(string key, IReadOnlyCollection<string> keys, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return new FieldReader(mapping, _path, _lineOffset, _diagnostics, keys);
        }

        _diagnostics.Error(At(value), Codes.WrongType, $"'{key}' must be a mapping of keys to values, not a {Describe(value)}");
        return null;
    }

    /// <summary>A list of mappings, each read with the given keys.</summary>
    public IReadOnlyList<FieldReader> MappingList(string key, IReadOnlyCollection<string> keys, bool required = false)
    {
        if (!TryGet(key, required, out var value))
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            _diagnostics.Error(At(value), Codes.WrongType, $"'{key}' must be a list, not a {Describe(value)}");
            return [];
        }

        return ReadMappings(sequence, keys);
    }

    public IReadOnlyList<FieldReader> ReadMappings(YamlSequenceNode sequence, IReadOnlyCollection<string> keys)
    {
        var result = new List<FieldReader>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                result.Add(new FieldReader(mapping, _path, _lineOffset, _diagnostics, keys));
            }
            else
            {
                _diagnostics.Error(At(item), Codes.WrongType, $"each item must be a mapping of keys to values, not a {Describe(item)}");
            }
        }

        return result;
    }

    public void Error(string key, DiagnosticCode code, string message, string? hint = null) =>
        _diagnostics.Error(ValueAt(key), code, message, hint);

    private bool TryGet(string key, bool required, out YamlNode value)
    {
        if (_fields.TryGetValue(key, out var field) && !IsNull(field.Value))
        {
            value = field.Value;
            return true;
        }

        if (required)
        {
            _diagnostics.Error(_fields.TryGetValue(key, out var f) ? At(f.Key) : Start, Codes.MissingField, $"'{key}' is required");
        }

        value = null!;
        return false;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    internal static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "text",
    };
}
