using System.Text.RegularExpressions;

namespace Gazette.Content;

/// <summary>The shape of ids used in front matter and URLs: lower-case ASCII letters and digits in hyphen-separated words.</summary>
internal static partial class Ids
{
    public const string Rule = "ids use lower-case letters a-z, digits and single hyphens, e.g. liaocheng-gov-office";

    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
