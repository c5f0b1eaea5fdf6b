using System.Text.RegularExpressions;

namespace Gazette.Content;

/// <summary>The shape of ids used in front matter and URLs: lower-case ASCII letters and digits in hyphen-separated words.</summary>
internal static partial class Ids
{
    public const string Rule = "ids use lower-case letters a-z, digits and single hyphens, e.g. liaocheng-gov-office";

    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    /// <summary>An organisation code: the first part of derived index numbers, so it must be safe in a URL path.</summary>
    public static bool IsCodeValid(string code) => CodePattern().IsMatch(code);

    /// <summary>An index number: codes joined by '/', safe in a URL path.</summary>
    public static bool IsIndexNumberValid(string number) => IndexNumberPattern().IsMatch(number);

    [GeneratedRegex("^[0-9A-Za-z]+([._-][0-9A-Za-z]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9A-Za-z]+([._/-][0-9A-Za-z]+)*$")]
    private static partial Regex IndexNumberPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
