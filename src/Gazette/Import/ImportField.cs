namespace Gazette.Import;

/// <summary>One front-matter line the importer writes: its key, its value as YAML, and a TODO note when it is not derived.</summary>
/// <param name="Key">the snake_case key.</param>
/// <param name="Yaml">the value, already YAML (quoted text, a date, a flow list or mapping).</param>
/// <param name="Todo">why the value is not (wholly) derived from the source, or null when it is.</param>
/// <param name="Placeholder">whether the value is a stand-in that only lets the site build.</param>
public sealed record ImportField(string Key, string Yaml, string? Todo = null, bool Placeholder = false);
