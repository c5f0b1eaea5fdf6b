using System.Text;

namespace Gazette.Tests.Fuzz;

/// <summary>
/// Makes the inputs of the fuzz tests from one seeded <see cref="Random"/>: mostly a valid sample with a few random mutations
/// (metacharacters of YAML and Markdown, deleted, duplicated and swapped lines, truncation, odd Unicode, deep nesting, very long
/// lines, tricky YAML values, other line ends, flipped and invalid bytes), sometimes purely random text or bytes.
/// </summary>
/// <param name="samples">the valid texts to mutate.</param>
internal sealed class Mutator(Random random, IReadOnlyList<string> samples)
{
    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "-", "[", "]", "{", "}", "#", "# ", ">", "> ", "|", "*", "\\", "---", "\n---\n", "\n...\n", "...", "&a ", "*a",
        "*b", "!", "!!binary ", "!!int ", "!foo ", "%YAML 1.2\n", "%TAG ! tag:x,2019:\n", "@", "`", "'", "\"", "? ", ",", "\t", "\n", "\r\n",
        "\r", "  ", "<<: *a\n", "~", "|-\n", ">+\n", "|2\n", "[](", "](doc:", "](doc:tongfu-16)", "](javascript:x)", "![", "**", "__", "```\n",
        "~~~", "|---|", "+---+", "[^1]", "[^1]: ", "<div>", "&#x0;", "\\u0000", "\"\\x", "\"\\U0010FFFF\"", "'''", "{{", "}}", "^",
        "1. ", "10) ", "    ", "====", "----", "***", "<https://", "<!-- ", "$$", "![图](", "doc:", "\\\n", "  \n",
    ];

    private static readonly string[] Values =
    [
        "~", "null", "", "[]", "{}", "[a, [b, [c]]]", "{a: {b: {c: d}}}", "|", ">-", "!!binary AAAA", "&a x", "*a", "*missing", "? k",
        "2019-02-30", "2019/7/19", "19-07-19", "二〇一九年七月", "99999999999999999999", "-1", "0x10", "1e3", ".inf", ".nan", "yes",
        "\"unclosed", "'unclosed", "[unclosed", "{unclosed", "\"\\uD800\"", "\"\\q\"", "'it''s'", "- a\n- b", "\n  - a\n  - b",
        "\n  status: 废止\n  date: 2019-13-01", "{status: 废除}", "{status: 废止, repealed_by: tongfu-16}", "[city-gov, city-gov]",
        "../../etc/passwd", "/abs.txt", "index.html", "{file: a.txt}", "{year: 二〇一九, issue: 第三期}", "[[[[[[]]]]]]",
    ];

    private static readonly string[] Odd =
    [
        "\uFEFF", "\0", "\u202E", "\u200F", "\u200B", "\u2028", "\u2029", "\u0085", "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "\u3000",
        "\uFF1A", "\uFF0D\uFF0D\uFF0D", "\uFFFE", "\uFFFF", "\u0301", "\x7F", "\x1B[31m", "\u00A0", "〔", "〕", "【", "\uE000",
    ];

    /// <summary>What opens a level of nesting in YAML or Markdown, and what closes it again.</summary>
    private static readonly (string Open, string Close)[] Nests =
    [
        ("[", "]"), ("{", "}"), ("- ", ""), ("> ", ""), ("  ", ""), ("* ", ""), ("(", ")"), ("[a](", ")"), ("**", "**"), ("{a: ", "}"),
        ("[a, ", "]"), ("- [", "]"), ("1. ", ""), ("`", "`"), ("<", ">"), ("![", "](x)"), ("\n  - ", ""), ("\n>", ""), ("*", "*"),
    ];

    private static readonly string Alphabet = ":-[]{}#>|*\\!&%@`'\",?~^_=+.()<>/ \t\n\n\nabcxyz019政府公开通知。，：〔〕";

    public byte[] Next()
    {
        switch (random.Next(10))
        {
            case 0:
                var junk = new byte[random.Next(2000)];
                random.NextBytes(junk);
                return junk;
            case 1:
                return Wtf8(RandomText());
        }

        var text = new StringBuilder(samples[random.Next(samples.Count)]);
        for (var n = 1 + random.Next(6); n > 0; n--)
        {
            Mutate(text);
        }

        var bytes = Wtf8(text.ToString());
        return random.Next(5) == 0 ? MutateBytes(bytes) : bytes;
    }

    private string RandomText()
    {
        var text = new StringBuilder(random.Next(2) == 0 ? "---\n" : "");
        var length = random.Next(3000);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(20) switch
            {
                0 => Pick(Tokens),
                1 => Pick(Odd),
                2 => ((char)random.Next(0x10000)).ToString(),
                _ => Alphabet[random.Next(Alphabet.Length)].ToString(),
            });
            if (random.Next(400) == 0)
            {
                text.Append("\n---\n");
            }
        }

        return text.ToString();
    }

    private void Mutate(StringBuilder text)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(14))
        {
            case 0:
                text.Insert(at, Pick(Tokens));
                break;
            case 1:
                text.Remove(at, Math.Min(text.Length - at, random.Next(random.Next(8) == 0 ? 200 : 20)));
                break;
            case 2:
                EditLines(text, lines => lines.Insert(random.Next(lines.Count), lines[random.Next(lines.Count)]));
                break;
            case 3:
                EditLines(text, lines => lines.RemoveAt(random.Next(lines.Count)));
                break;
            case 4:
                EditLines(text, lines =>
                {
                    var (i, j) = (random.Next(lines.Count), random.Next(lines.Count));
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                });
                break;
            case 5:
                text.Length = at;
                break;
            case 6:
                text.Insert(at, Pick(Odd));
                break;
            case 7:
                var depth = random.Next(8) == 0 ? random.Next(200, 1000) : random.Next(10, 200);
                var (open, close) = Pick(Nests);
                text.Insert(at, string.Concat(Enumerable.Repeat(open, depth)) + (random.Next(2) == 0 ? string.Concat(Enumerable.Repeat(close, depth)) : ""));
                break;
            case 8:
                text.Insert(at, new string((char)random.Next(0x20, 0x3000), random.Next(32) == 0 ? random.Next(50_000, 100_000) : random.Next(1000, 5000)));
                break;
            case 9:
                EditLines(text, lines =>
                {
                    var i = random.Next(lines.Count);
                    var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                    lines[i] = colon < 0 ? lines[i] + Pick(Values) : lines[i][..(colon + 2)] + Pick(Values);
                });
                break;
            case 10:
                EditLines(text, lines =>
                {
                    var i = random.Next(lines.Count);
                    lines[i] = random.Next(2) == 0 ? new string(' ', random.Next(1, 9)) + lines[i] : lines[i].TrimStart();
                });
                break;
            case 11:
                text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r");
                break;
            case 12:
                text.Insert(0, "\uFEFF");
                break;
            default:
                var from = random.Next(text.Length + 1);
                var chunk = text.ToString(from, Math.Min(text.Length - from, random.Next(300)));
                text.Insert(at, chunk);
                break;
        }
    }

    private void EditLines(StringBuilder text, Action<List<string>> edit)
    {
        var lines = text.ToString().Split('\n').ToList();
        edit(lines);
        text.Clear().AppendJoin('\n', lines);
    }

    private byte[] MutateBytes(byte[] bytes)
    {
        var list = bytes.ToList();
        for (var n = 1 + random.Next(4); n > 0; n--)
        {
            var at = random.Next(list.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < list.Count:
                    list[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when at < list.Count:
                    list.RemoveAt(at);
                    break;
                case 2:
                    list.InsertRange(at, Pick<byte[]>([[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xEF, 0xBB, 0xBF]]));
                    break;
                default:
                    list.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. list];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>UTF-8, except that a lone surrogate is written as its three bytes (as WTF-8 does), which strict UTF-8 rejects.</summary>
    private static byte[] Wtf8(string text)
    {
        var bytes = new List<byte>(text.Length * 3);
        for (var i = 0; i < text.Length; i++)
        {
            int code = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                code = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            switch (code)
            {
                case < 0x80:
                    bytes.Add((byte)code);
                    break;
                case < 0x800:
                    bytes.Add((byte)(0xC0 | (code >> 6)));
                    bytes.Add((byte)(0x80 | (code & 0x3F)));
                    break;
                case < 0x10000:
                    bytes.Add((byte)(0xE0 | (code >> 12)));
                    bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
                    bytes.Add((byte)(0x80 | (code & 0x3F)));
                    break;
                default:
                    bytes.Add((byte)(0xF0 | (code >> 18)));
                    bytes.Add((byte)(0x80 | ((code >> 12) & 0x3F)));
                    bytes.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
                    bytes.Add((byte)(0x80 | (code & 0x3F)));
                    break;
            }
        }

        return [.. bytes];
    }
}
