using System.Buffers;

namespace Gazette.Privacy;

/// <summary>
/// Finds the personal data that must be de-identified before publication (DOMAIN rule 2): 18-digit resident ID numbers with a
/// valid check digit and old 15-digit ones, mainland mobile numbers, Luhn-valid bank card numbers and e-mail addresses.
/// </summary>
/// <remarks>
/// <para>One forward pass without regular expressions: the scan jumps (vectorised) to the next digit or '@'. A run of digits,
/// with the runs joined to it by one and the same separator (space or hyphen), is read once and tried against the formats;
/// an '@' is grown into an address both ways. Time is linear in the text and nothing is allocated unless something is found.</para>
/// <para>A match is never part of a longer run of digits or letters, nor of a decimal number. To keep false alarms low, a number
/// is only personal data when its structure says so: an ID needs a real province code, a real birth date that is not in the
/// future and its check digit; a card needs an issuer prefix (4, 51–55, 2221–2720, 35, 60, 62, 65) and the Luhn check and is
/// not a valid 统一社会信用代码; a mobile number is 11 digits 1[3-9]…, not an amount (followed by 元, 万, 人, % …) nor a serial
/// (第…). Document numbers, dates, 索引号, hot-lines (12345, 400/800 numbers), landlines and article numbers never qualify.</para>
/// <para>Digits may be ASCII or full-width; masked forms use ASCII digits.</para>
/// </remarks>
/// <param name="today">birth dates after this day are not real.</param>
public sealed class PersonalDataScanner(DateOnly today)
{
    /// <summary>More separator-joined groups than this are read one group at a time (a row of a table, not one number).</summary>
    private const int MaxGroups = 8;

    private static readonly SearchValues<char> Triggers = SearchValues.Create("0123456789０１２３４５６７８９@＠");

    /// <summary>After a number: it counts something (an amount, people, a date part, a serial), so it is not a phone or card.</summary>
    private const string Units = "元角分万亿千百个件人名位次号条项户亩吨米克斤升台辆套份张册本年月日时秒多余%％‰";

    /// <summary>Before a number: a currency or an ordinal.</summary>
    private const string Prefixes = "¥￥$＄第";

    public IReadOnlyList<PersonalDataMatch> Scan(string text) => Scan(text.AsSpan());

    public IReadOnlyList<PersonalDataMatch> Scan(ReadOnlySpan<char> text)
    {
        List<PersonalDataMatch>? found = null;
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(Triggers);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] is '@' or '＠')
            {
                if (Email(text, i) is { } email)
                {
                    found ??= [];
                    // The local part may hold digits already taken for a number ("...+13812345678@…"): the address wins.
                    while (found.Count > 0 && found[^1].End > email.Start)
                    {
                        found.RemoveAt(found.Count - 1);
                    }

                    found.Add(email);
                    i = email.End;
                }
                else
                {
                    i++;
                }

                continue;
            }

            i = Numbers(text, i, ref found);
        }

        return found ?? (IReadOnlyList<PersonalDataMatch>)[];
    }

    /// <summary>The text with every match replaced by its masked form; <paramref name="escape"/> may rewrite each masked form first.</summary>
    public static string Mask(string text, IReadOnlyList<PersonalDataMatch> matches, Func<string, string>? escape = null)
    {
        if (matches.Count == 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (var match in matches)
        {
            result.Append(text, at, match.Start - at).Append(escape is null ? match.Masked : escape(match.Masked));
            at = match.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>A group of digits: [Start, DigitsEnd) are digits, then an optional X up to End.</summary>
    private readonly record struct Group(int Start, int DigitsEnd, int End)
    {
        public int Digits => DigitsEnd - Start;

        public bool HasX => End > DigitsEnd;
    }

    /// <summary>Reads the digit groups that start at <paramref name="start"/> and adds what they hold; returns where the scan goes on.</summary>
    private int Numbers(ReadOnlySpan<char> text, int start, ref List<PersonalDataMatch>? found)
    {
        Span<Group> groups = stackalloc Group[MaxGroups];
        var count = 0;
        var separator = '\0';
        var p = start;
        while (true)
        {
            var groupStart = p;
            while (p < text.Length && IsDigit(text[p]))
            {
                p++;
            }

            var digitsEnd = p;
            if (p < text.Length && text[p] is 'X' or 'x' or 'Ｘ' or 'ｘ' && !(p + 1 < text.Length && IsWord(text[p + 1])))
            {
                p++;
            }

            if (count < MaxGroups)
            {
                groups[count] = new Group(groupStart, digitsEnd, p);
            }

            count++;
            if (p == digitsEnd && p + 1 < text.Length && IsSeparator(text[p]) && (separator == '\0' || text[p] == separator) && IsDigit(text[p + 1]))
            {
                separator = text[p];
                p++;
                continue;
            }

            break;
        }

        var boundedBefore = !JoinedBefore(text, start);
        var boundedAfter = !JoinedAfter(text, p);
        var end = p;
        if (!boundedAfter)
        {
            // The last group runs on into a word: skip the rest of that word, whose digits are not a number of their own.
            while (end < text.Length && (IsWord(text[end]) || IsDigit(text[end])))
            {
                end++;
            }
        }

        if (count > MaxGroups)
        {
            // Too many groups to be one number: each group is looked at alone.
            ReadGroupsAlone(text, start, p, boundedBefore, boundedAfter, ref found);
            return end;
        }

        var all = groups[..count];
        if (count > 1 && boundedBefore && boundedAfter && Grouped(text, all) is { } grouped)
        {
            Add(ref found, grouped);
            return end;
        }

        for (var k = 0; k < count; k++)
        {
            if ((k > 0 || boundedBefore) && (k < count - 1 || boundedAfter) && Single(text, all[k]) is { } match)
            {
                Add(ref found, match);
            }
        }

        return end;
    }

    private void ReadGroupsAlone(ReadOnlySpan<char> text, int start, int end, bool boundedBefore, bool boundedAfter, ref List<PersonalDataMatch>? found)
    {
        var p = start;
        while (p < end)
        {
            var groupStart = p;
            while (p < end && IsDigit(text[p]))
            {
                p++;
            }

            var digitsEnd = p;
            if (p < end && !IsSeparator(text[p]))
            {
                p++; // the X closing the last group
            }

            var first = groupStart == start;
            var last = p >= end;
            if ((!first || boundedBefore) && (!last || boundedAfter) && Single(text, new Group(groupStart, digitsEnd, p)) is { } match)
            {
                Add(ref found, match);
            }

            p++; // the separator
        }
    }

    /// <summary>A number written in groups: a mobile number 3-4-4 (after an optional 86 group), a card 4-4-4-4[-1..4], an ID 6-8-4.</summary>
    private PersonalDataMatch? Grouped(ReadOnlySpan<char> text, ReadOnlySpan<Group> groups)
    {
        var last = groups[^1];
        for (var k = 0; k < groups.Length - 1; k++)
        {
            if (groups[k].HasX)
            {
                return null;
            }
        }

        Span<byte> digits = stackalloc byte[20];
        if (!last.HasX && groups.Length is 3 or 4)
        {
            var first = groups.Length - 3;
            if ((first == 0 || IsCountryCode(text, groups[0]))
                && groups[first].Digits == 3 && groups[first + 1].Digits == 4 && groups[first + 2].Digits == 4)
            {
                var n = Collect(text, groups[first].Start, last.DigitsEnd, digits);
                if (IsMobile(digits[..n]))
                {
                    return new PersonalDataMatch(PersonalDataKind.Mobile, groups[first].Start, last.End - groups[first].Start, MaskedForm.Mobile(digits[..n]));
                }
            }
        }

        var start = groups[0].Start;
        if (!last.HasX && groups.Length is 4 or 5 && last.Digits is >= 1 and <= 4)
        {
            var fours = groups.Length == 4 ? groups : groups[..4];
            var allFours = true;
            foreach (var g in fours)
            {
                allFours &= g.Digits == 4;
            }

            var n = Collect(text, start, last.DigitsEnd, digits);
            if (allFours && n >= 16 && IsCard(text, start, last.End, digits[..n]))
            {
                return new PersonalDataMatch(PersonalDataKind.BankCard, start, last.End - start, MaskedForm.KeepEnds(digits[..n], null));
            }
        }

        if (groups.Length == 3 && groups[0].Digits == 6 && groups[1].Digits == 8 && groups[2].Digits + (last.HasX ? 1 : 0) == 4)
        {
            var n = Collect(text, start, last.DigitsEnd, digits);
            var x = last.HasX ? text[last.DigitsEnd] : (char?)null;
            if (IsId18(digits[..17], x ?? (char)('0' + digits[17])))
            {
                return new PersonalDataMatch(PersonalDataKind.ResidentId, start, last.End - start, MaskedForm.KeepEnds(digits[..n], x));
            }
        }

        return null;
    }

    /// <summary>One run of digits (and X) that is bounded on both sides.</summary>
    private PersonalDataMatch? Single(ReadOnlySpan<char> text, Group group)
    {
        Span<byte> digits = stackalloc byte[20];
        if (group.Digits > digits.Length)
        {
            return null;
        }

        var n = Collect(text, group.Start, group.DigitsEnd, digits);
        var d = digits[..n];
        var length = group.End - group.Start;
        if (group.HasX)
        {
            var x = text[group.DigitsEnd];
            return n == 17 && IsId18(d, x) ? new PersonalDataMatch(PersonalDataKind.ResidentId, group.Start, length, MaskedForm.KeepEnds(d, x)) : null;
        }

        switch (n)
        {
            case 11 when IsMobile(d) && !CountsSomething(text, group.Start, group.End):
                return new PersonalDataMatch(PersonalDataKind.Mobile, group.Start, length, MaskedForm.Mobile(d));
            case 13 when d[0] == 8 && d[1] == 6 && IsMobile(d[2..]) && !CountsSomething(text, group.Start, group.End):
                return new PersonalDataMatch(PersonalDataKind.Mobile, group.Start + 2, length - 2, MaskedForm.Mobile(d[2..]));
            case 15 when IsId15(d):
            case 18 when IsId18(d[..17], (char)('0' + d[17])):
                return new PersonalDataMatch(PersonalDataKind.ResidentId, group.Start, length, MaskedForm.KeepEnds(d, null));
            case >= 16 and <= 19 when IsCard(text, group.Start, group.End, d):
                return new PersonalDataMatch(PersonalDataKind.BankCard, group.Start, length, MaskedForm.KeepEnds(d, null));
            default:
                return null;
        }
    }

    private static PersonalDataMatch? Email(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        while (start > 0 && IsLocalPart(text[start - 1]))
        {
            start--;
        }

        while (start < at && text[start] == '.')
        {
            start++;
        }

        if (start == at || (start > 0 && IsWord(text[start - 1])) || text[at - 1] == '.')
        {
            return null;
        }

        var end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.'))
        {
            end++;
        }

        while (end > at + 1 && text[end - 1] is '.' or '-')
        {
            end--;
        }

        if (end < text.Length && IsWord(text[end]))
        {
            return null;
        }

        var domain = text[(at + 1)..end];
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || domain.Length - dot - 1 < 2 || !char.IsAsciiLetterOrDigit(domain[0]) || domain.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var c in domain[(dot + 1)..])
        {
            if (!char.IsAsciiLetter(c))
            {
                return null;
            }
        }

        return new PersonalDataMatch(PersonalDataKind.Email, start, end - start, MaskedForm.Email(text[start], text[at..end]));
    }

    private bool IsId18(ReadOnlySpan<byte> d, char? check)
    {
        if (d.Length != 17 || !IssuedNumbers.IsProvince(d[0] * 10 + d[1]) || !IsBirthDate(Number(d[6..10]), Number(d[10..12]), Number(d[12..14])))
        {
            return false;
        }

        return check is { } c && (c is 'x' or 'Ｘ' or 'ｘ' ? 'X' : DigitOrSelf(c)) == IssuedNumbers.IdCheckCharacter(d);
    }

    private bool IsId15(ReadOnlySpan<byte> d) =>
        IssuedNumbers.IsProvince(d[0] * 10 + d[1]) && IsBirthDate(1900 + Number(d[6..8]), Number(d[8..10]), Number(d[10..12]));

    private bool IsBirthDate(int year, int month, int day) =>
        year >= 1800 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= today;

    private static bool IsMobile(ReadOnlySpan<byte> d) => d.Length == 11 && d[0] == 1 && d[1] >= 3;

    /// <summary>An issuer prefix, the Luhn check, not a 统一社会信用代码, and not an amount.</summary>
    private static bool IsCard(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> d) =>
        d.Length is >= 16 and <= 19 && IssuedNumbers.HasCardPrefix(d) && IssuedNumbers.PassesLuhn(d) && !(d.Length == 18 && IssuedNumbers.IsCreditCode(d)) && !CountsSomething(text, start, end);

    /// <summary>The number is an amount, a count, a date part or a serial: followed by a unit, or after a currency sign or 第.</summary>
    private static bool CountsSomething(ReadOnlySpan<char> text, int start, int end) =>
        (end < text.Length && Units.Contains(text[end], StringComparison.Ordinal)) || (start > 0 && Prefixes.Contains(text[start - 1], StringComparison.Ordinal));

    /// <summary>A group "86" written just before the number, as in +86 138 1234 5678.</summary>
    private static bool IsCountryCode(ReadOnlySpan<char> text, Group group) =>
        group.Digits == 2 && DigitValue(text[group.Start]) == 8 && DigitValue(text[group.Start + 1]) == 6;

    /// <summary>The digits before <paramref name="start"/> belong to something longer: a word, an address or a decimal.</summary>
    private static bool JoinedBefore(ReadOnlySpan<char> text, int start) =>
        start > 0 && (IsWord(text[start - 1]) || text[start - 1] is '@' or '＠' || (text[start - 1] == '.' && start > 1 && IsDigit(text[start - 2])));

    private static bool JoinedAfter(ReadOnlySpan<char> text, int end) =>
        end < text.Length && (IsWord(text[end]) || text[end] is '@' or '＠' || (text[end] == '.' && end + 1 < text.Length && IsDigit(text[end + 1])));

    private static int Collect(ReadOnlySpan<char> text, int start, int end, Span<byte> into)
    {
        var n = 0;
        for (var k = start; k < end && n < into.Length; k++)
        {
            if (IsDigit(text[k]))
            {
                into[n++] = (byte)DigitValue(text[k]);
            }
        }

        return n;
    }

    private static int Number(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = value * 10 + d;
        }

        return value;
    }

    private static char DigitOrSelf(char c) => IsDigit(c) ? (char)('0' + DigitValue(c)) : c;

    private static void Add(ref List<PersonalDataMatch>? found, PersonalDataMatch match) => (found ??= []).Add(match);

    internal static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    /// <summary>Letters and digits that make a longer word (ASCII and full-width), and '_'.</summary>
    private static bool IsWord(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || c is >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    private static bool IsSeparator(char c) => c is ' ' or '-' or '\u3000' or '－';

    private static bool IsLocalPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';
}
