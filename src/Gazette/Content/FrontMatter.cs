namespace Gazette.Content;

/// <summary>A Markdown file split into its YAML front matter and the place its body starts.</summary>
/// <param name="BodyStart">the index in the split text where the body starts (after the closing line), or its length.</param>
/// <param name="BodyLine">the 1-based line the body starts on.</param>
internal sealed record FrontMatter(string Yaml, int BodyStart, int BodyLine)
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

        var lineStart = firstLineEnd + 1;
        var line = 2;
        while (lineStart > 0 && lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var content = (lineEnd < 0 ? text.AsSpan(lineStart) : text.AsSpan(lineStart, lineEnd - lineStart)).TrimEnd();
            if (content is "---" or "...")
            {
                var yaml = text[(firstLineEnd + 1)..lineStart];
                return (new FrontMatter(yaml, lineEnd < 0 ? text.Length : lineEnd + 1, line + 1), Problem.None);
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
