namespace Gazette.Content;

/// <summary>A Markdown file split into its YAML front matter and body, with the line each starts on.</summary>
internal sealed record FrontMatter(string Yaml, string Body, int BodyLine)
{
    /// <summary>Lines before the YAML: the opening '---'.</summary>
    public const int YamlLineOffset = 1;

    public enum Problem
    {
        None,
        Missing,
        Unclosed,
    }

    /// <summary>Splits text that starts with a '---' line and has a closing '---' (or '...') line.</summary>
    public static (FrontMatter? Result, Problem Problem) Split(string text)
    {
        var firstLineEnd = text.IndexOf('\n');
        if ((firstLineEnd < 0 ? text : text[..firstLineEnd]).TrimEnd() != "---")
        {
            return (null, Problem.Missing);
        }

        var lineStart = text.IndexOf('\n') + 1;
        var line = 2;
        while (lineStart > 0 && lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var content = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).TrimEnd();
            if (content is "---" or "...")
            {
                var yaml = text[(text.IndexOf('\n') + 1)..lineStart];
                var body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                return (new FrontMatter(yaml, body, line + 1), Problem.None);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
            line++;
        }

        return (null, Problem.Unclosed);
    }
}
