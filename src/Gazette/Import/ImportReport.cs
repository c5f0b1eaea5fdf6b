using System.Text;

namespace Gazette.Import;

/// <summary>
/// The import report: a TSV (UTF-8 with a byte order mark, so spreadsheet programs read the Chinese right) with one line per
/// thing to review — <c>file, source, field, placeholder, why</c> — then one line per source file that was not imported.
/// </summary>
public static class ImportReport
{
    public static string Render(ImportResult result)
    {
        var text = new StringBuilder("\uFEFFfile\tsource\tfield\tplaceholder\twhy\n");
        foreach (var todo in result.Todos)
        {
            text.Append(Cell(todo.File)).Append('\t').Append(Cell(todo.Source)).Append('\t').Append(todo.Field).Append('\t')
                .Append(todo.Placeholder ? "yes" : "no").Append('\t').Append(Cell(todo.Why)).Append('\n');
        }

        foreach (var (source, why) in result.Failures.Concat(result.Skipped))
        {
            text.Append('\t').Append(Cell(source)).Append("\t(not imported)\tno\t").Append(Cell(why)).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace('\t', ' ').Replace('\n', ' ');
}
