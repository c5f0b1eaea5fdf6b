using System.Text;

namespace Gazette.Import;

/// <summary>Writes an imported document as a content file: front matter with its TODO comments, then the body.</summary>
internal static class FrontMatterText
{
    /// <summary>The marker of every note the importer leaves; search for it to find what is left to review.</summary>
    public const string TodoMarker = "TODO(import)";

    /// <summary>The whole file: front matter (a draft when a field holds a stand-in value) and the body, LF line ends.</summary>
    public static string Render(ImportedDocument document)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("# 由 gazette import 从 ").Append(document.Source).Append(" 导入。\n");
        text.Append("# 标有 ").Append(TodoMarker).Append(" 的字段无法（完全）从原文得出：请核对、改正后删除该注释；导入报告列出了全部待办事项。\n");
        foreach (var field in document.Fields)
        {
            // A key written '#key' is a field left out: shown as a comment so the publisher sees where it goes.
            text.Append(field.Key.StartsWith('#') ? "# " + field.Key[1..] + ":" : field.Key + ":");
            if (field.Yaml.Length > 0)
            {
                text.Append(' ').Append(field.Yaml);
            }

            if (field.Todo is { } todo)
            {
                text.Append("  # ").Append(TodoMarker).Append(": ").Append(todo);
            }

            text.Append('\n');
        }

        text.Append("---\n\n").Append(document.Body.TrimEnd('\n')).Append('\n');
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar: safe for any text (colons, #, quotes, leading symbols).</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append(' '),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
