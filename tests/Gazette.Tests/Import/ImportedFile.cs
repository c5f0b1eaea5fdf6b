namespace Gazette.Tests.Import;

/// <summary>A content file written by <c>gazette import</c>, read back: each front-matter value and TODO note by key, and the body.</summary>
public sealed class ImportedFile
{
    private readonly Dictionary<string, (string Value, string? Todo)> _fields = new(StringComparer.Ordinal);

    public ImportedFile(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        foreach (var line in lines[1..end].Where(l => !l.StartsWith("# 由 ", StringComparison.Ordinal) && !l.StartsWith("# 标有 ", StringComparison.Ordinal)))
        {
            var bare = line.StartsWith("# ", StringComparison.Ordinal) ? line[2..] : line;
            var colon = bare.IndexOf(':');
            var note = bare.IndexOf("  # TODO(import): ", StringComparison.Ordinal);
            var value = (note < 0 ? bare[(colon + 1)..] : bare[(colon + 1)..note]).Trim();
            _fields[(line.StartsWith("# ", StringComparison.Ordinal) ? "#" : "") + bare[..colon]] = (value, note < 0 ? null : bare[(note + 18)..]);
        }

        Body = string.Join("\n", lines[(end + 1)..]);
    }

    public string Body { get; }

    public IReadOnlyCollection<string> Keys => _fields.Keys;

    /// <summary>The value as written (YAML), or null when the key is not there.</summary>
    public string? this[string key] => _fields.TryGetValue(key, out var field) ? field.Value : null;

    /// <summary>The TODO(import) note on the key, or null.</summary>
    public string? Todo(string key) => _fields.TryGetValue(key, out var field) ? field.Todo : null;
}
