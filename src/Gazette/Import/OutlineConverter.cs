using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Import;

/// <summary>
/// Turns the body of a plain-text official document into Markdown. The outline numbering of Chinese documents
/// (《党政机关公文格式》 GB/T 9704: 一、 （一） 1. （1）) becomes headings when the numbered line is a heading (short, no full stop) —
/// <c>##</c>, <c>###</c>, <c>####</c>, <c>#####</c> — and ordered list items when it is a numbered paragraph. Lines of
/// tab-separated cells become a table; every other line is a paragraph, with Markdown's special characters escaped so the
/// text shows as written.
/// </summary>
internal static partial class OutlineConverter
{
    /// <summary>The first cell of a table printed one cell per line (a web page's table copied as text).</summary>
    private const string TableStart = "序号";

    /// <summary>A numbered line longer than this, or with a full stop inside, is a paragraph, not a heading.</summary>
    private const int HeadingLength = 40;

    /// <summary>The Markdown of the lines; what could not be kept as it was printed is added to <paramref name="notes"/>.</summary>
    public static string Convert(IEnumerable<string> lines, List<string> notes)
    {
        var blocks = new List<(string Kind, string Text)>();
        var table = new List<string[]>();
        var all = lines.Select(raw => (Raw: raw, Line: raw.Trim().Trim('\u3000').Trim())).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var (raw, line) = all[i];
            if (raw.Contains('\t') && line.Contains('\t'))
            {
                table.Add(line.Split('\t').Select(c => c.Trim()).ToArray());
                continue;
            }

            FlushTable(blocks, table);
            if (line.Length == 0)
            {
                continue;
            }

            if (line == TableStart)
            {
                var cells = all.Skip(i).Where(l => l.Line.Length > 0).Select(l => l.Line).ToList();
                if (CellTable(cells) is { } rows)
                {
                    FlushTable(blocks, rows.Rows);
                    for (var taken = 0; taken < rows.Cells; i++)
                    {
                        taken += all[i].Line.Length > 0 ? 1 : 0;
                    }

                    i--;
                    continue;
                }

                // Merged cells (a row that does not start with the next number): the cells stay paragraphs, with a note.
                const string note = "这里的表格在原文中每格占一行，且有合并的单元格，导入后每格成了一段；请改写为表格（Markdown 表格或 README 所述的 HTML 表格）";
                blocks.Add(("note", "<!-- " + FrontMatterText.TodoMarker + ": " + note + " -->"));
                notes.Add(note);
            }

            // The numbered lines under 附件：1.… are the other attachments' captions, not a heading or a list.
            var caption = ArabicNumber().IsMatch(line) && blocks.Count > 0 && blocks[^1].Kind == "attachment";
            blocks.Add(caption || AttachmentList().IsMatch(line) ? ("attachment", EscapeStart(Escape(line))) : Block(line));
        }

        FlushTable(blocks, table);
        var text = new StringBuilder();
        string? previous = null;
        foreach (var (kind, block) in blocks)
        {
            // Items of one list follow each other without a blank line; everything else is a block of its own.
            if (previous is not null)
            {
                text.Append(kind == previous && kind.StartsWith("list", StringComparison.Ordinal) ? "\n" : "\n\n");
            }

            text.Append(block);
            previous = kind;
        }

        return text.Append('\n').ToString();
    }

    private static (string Kind, string Text) Block(string line)
    {
        if (line.StartsWith("附件", StringComparison.Ordinal))
        {
            return ("paragraph", Escape(line));
        }

        foreach (var (pattern, level, kind) in Outline)
        {
            var match = pattern.Match(line);
            if (!match.Success)
            {
                continue;
            }

            if (IsHeading(line))
            {
                return ("heading", new string('#', level) + " " + Escape(line));
            }

            if (kind is "list-number" or "list-paren")
            {
                var number = match.Groups["n"].Value;
                var delimiter = kind == "list-number" ? "." : ")";
                var rest = line[match.Length..].TrimStart();
                return (kind, number + delimiter + " " + (rest.Length == 0 ? "" : EscapeStart(Escape(rest))));
            }

            break;
        }

        return ("paragraph", EscapeStart(Escape(line)));
    }

    /// <summary>A numbered line is a heading when it is short and is not a sentence (no full stop before its end).</summary>
    private static bool IsHeading(string line) =>
        line.Length <= HeadingLength && line.TrimEnd('。').IndexOfAny(['。', '；', ';']) < 0 && !line.EndsWith('：') && !line.EndsWith(':');

    /// <summary>
    /// A table printed one cell per line: 序号, the other short header cells up to the line <c>1</c>, then rows of as many
    /// cells each starting with the next number. Null when a row does not (merged cells) or there is no row.
    /// </summary>
    private static (List<string[]> Rows, int Cells)? CellTable(List<string> cells)
    {
        var columns = cells.IndexOf("1");
        if (columns is < 2 or > 10 || cells.Take(columns).Any(c => c.Length > 12))
        {
            return null;
        }

        var rows = new List<string[]> { cells.Take(columns).ToArray() };
        var at = columns;
        for (var number = 1; at + columns <= cells.Count && cells[at] == number.ToString(System.Globalization.CultureInfo.InvariantCulture); number++)
        {
            rows.Add(cells.Skip(at).Take(columns).ToArray());
            at += columns;
        }

        // The table ends where the text does or where an attachment or a numbered heading starts; any other line after the
        // last row is a cell of a row that spans rows above it.
        var ends = at == cells.Count || cells[at].StartsWith("附件", StringComparison.Ordinal) || Outline.Any(o => o.Pattern.IsMatch(cells[at]));
        return rows.Count > 1 && ends ? (rows, at) : null;
    }

    private static void FlushTable(List<(string Kind, string Text)> blocks, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (rows.Count == 1)
        {
            blocks.Add(("paragraph", EscapeStart(Escape(string.Join(" ", rows[0])))));
        }
        else
        {
            var columns = rows.Max(r => r.Length);
            var text = new StringBuilder();
            foreach (var (index, row) in rows.Index())
            {
                text.Append('|');
                for (var column = 0; column < columns; column++)
                {
                    text.Append(' ').Append(column < row.Length ? Escape(row[column]) : "").Append(" |");
                }

                if (index == 0)
                {
                    text.Append('\n').Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns)));
                }

                if (index < rows.Count - 1)
                {
                    text.Append('\n');
                }
            }

            blocks.Add(("table", text.ToString()));
        }

        rows.Clear();
    }

    /// <summary>Backslash before every ASCII character Markdown (or raw HTML) could read as syntax inside a line.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '#' or '|' or '~' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Keeps a line that starts like a list item, a rule or a setext underline from being read as one.</summary>
    private static string EscapeStart(string text)
    {
        if (text.Length > 0 && text[0] is '-' or '+' or '=')
        {
            return "\\" + text;
        }

        var list = ListStart().Match(text);
        return list.Success ? text[..(list.Length - 1)] + "\\" + text[(list.Length - 1)..] : text;
    }

    private static readonly (Regex Pattern, int Level, string Kind)[] Outline =
    [
        (ChineseNumber(), 2, "paragraph"),
        (ChineseParenthesised(), 3, "paragraph"),
        (ArabicNumber(), 4, "list-number"),
        (ArabicParenthesised(), 5, "list-paren"),
    ];

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}、")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]{1,3}[)）]")]
    private static partial Regex ChineseParenthesised();

    [GeneratedRegex(@"^(?<n>[0-9]{1,3})\s*[.．、](?![0-9])")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex(@"^[（(](?<n>[0-9]{1,3})[)）]")]
    private static partial Regex ArabicParenthesised();

    [GeneratedRegex(@"^附件\s*[:：]\s*1\s*[.．、]")]
    private static partial Regex AttachmentList();

    [GeneratedRegex(@"^[0-9]{1,9}[.)](?=[ \t]|$)")]
    private static partial Regex ListStart();
}
