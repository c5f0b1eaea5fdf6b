namespace Gazette.Privacy;

/// <summary>How each kind of personal data is printed masked: 3701**********1234, 138****5678, 6228********5671, z***@example.com.</summary>
internal static class MaskedForm
{
    /// <summary>A mobile number's first three and last four digits.</summary>
    public static string Mobile(ReadOnlySpan<byte> d) =>
        string.Create(11, d.ToArray(), (chars, digits) =>
        {
            for (var k = 0; k < 11; k++)
            {
                chars[k] = k is >= 3 and < 7 ? '*' : (char)('0' + digits[k]);
            }
        });

    /// <summary>The first four and last four characters kept, the others starred; <paramref name="x"/> is a closing X.</summary>
    public static string KeepEnds(ReadOnlySpan<byte> d, char? x)
    {
        var length = d.Length + (x is null ? 0 : 1);
        Span<char> chars = stackalloc char[length];
        for (var k = 0; k < d.Length; k++)
        {
            chars[k] = k >= 4 && k < length - 4 ? '*' : (char)('0' + d[k]);
        }

        if (x is { } c)
        {
            chars[^1] = c is 'Ｘ' ? 'X' : c is 'ｘ' ? 'x' : c;
        }

        return new string(chars);
    }

    /// <summary>An e-mail address's first character, three stars and the @domain as written.</summary>
    public static string Email(char first, ReadOnlySpan<char> atDomain) => string.Concat([first], "***", atDomain);
}
