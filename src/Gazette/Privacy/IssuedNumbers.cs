namespace Gazette.Privacy;

/// <summary>
/// What makes a string of digits a number someone was issued: a resident ID number's province and check digit (GB 11643),
/// a payment card's issuer prefix and Luhn check, a 统一社会信用代码's check character (GB 32100). Digits are given as values 0–9.
/// </summary>
internal static class IssuedNumbers
{
    /// <summary>The weights of GB 11643's ISO 7064 MOD 11-2 check digit.</summary>
    private static ReadOnlySpan<byte> IdWeights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The weights of GB 32100's check character (统一社会信用代码).</summary>
    private static ReadOnlySpan<byte> CreditCodeWeights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The first two digits of an ID number: a province, autonomous region or municipality, Taiwan, Hong Kong or Macao.</summary>
    public static bool IsProvince(int code) =>
        code is >= 11 and <= 15 or >= 21 and <= 23 or >= 31 and <= 37 or >= 41 and <= 46 or >= 50 and <= 54 or >= 61 and <= 65 or 71 or 81 or 82;

    /// <summary>The check character of an 18-digit ID number from its first 17 digits (ISO 7064 MOD 11-2): '0'–'9' or 'X'.</summary>
    public static char IdCheckCharacter(ReadOnlySpan<byte> first17)
    {
        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            sum += first17[k] * IdWeights[k];
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>Visa 4, Mastercard 51–55 and 2221–2720, JCB 35, UnionPay 62 and 60/65 as issued in China.</summary>
    public static bool HasCardPrefix(ReadOnlySpan<byte> d)
    {
        var two = d[0] * 10 + d[1];
        var four = two * 100 + d[2] * 10 + d[3];
        return d[0] == 4 || two is >= 51 and <= 55 or 35 or 60 or 62 or 65 || four is >= 2221 and <= 2720;
    }

    public static bool PassesLuhn(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < d.Length; k++)
        {
            int v = d[d.Length - 1 - k];
            if (k % 2 == 1)
            {
                v *= 2;
                if (v > 9)
                {
                    v -= 9;
                }
            }

            sum += v;
        }

        return sum % 10 == 0;
    }

    /// <summary>An all-digit 统一社会信用代码 (GB 32100-2015) whose check character is right.</summary>
    public static bool IsCreditCode(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            sum += d[k] * CreditCodeWeights[k];
        }

        return (31 - sum % 31) % 31 == d[17];
    }
}
