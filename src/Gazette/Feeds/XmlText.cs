using System.Globalization;
using System.Text;
using System.Xml;

namespace Gazette.Feeds;

/// <summary>What the feed and sitemap writers share: the writer settings, dates as RFC 3339 in China's time, and text made fit for XML.</summary>
internal static class XmlText
{
    /// <summary>UTF-8 without a byte order mark, indented, LF line ends: the same bytes on every machine.</summary>
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>A date as an RFC 3339 date-time at midnight in China (UTC+8, no daylight saving), e.g. 2019-07-19T00:00:00+08:00.</summary>
    public static string DateTime(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";

    /// <summary>A date as the W3C Datetime the sitemap protocol uses, e.g. 2019-07-19.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="text"/> without the characters XML 1.0 cannot hold (C0 controls but tab and line ends, U+FFFE, U+FFFF,
    /// a surrogate without its pair), which a YAML escape such as "\x01" can put in a title: the writer would refuse them.
    /// </summary>
    public static string Clean(string text)
    {
        var bad = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Fits(text, i, out var width))
            {
                bad++;
            }

            i += width - 1;
        }

        if (bad == 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length - bad);
        for (var i = 0; i < text.Length; i++)
        {
            var fits = Fits(text, i, out var width);
            if (fits)
            {
                clean.Append(text, i, width);
            }

            i += width - 1;
        }

        return clean.ToString();
    }

    private static bool Fits(string text, int i, out int width)
    {
        width = 1;
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return true;
        }

        return XmlConvert.IsXmlChar(c);
    }
}
