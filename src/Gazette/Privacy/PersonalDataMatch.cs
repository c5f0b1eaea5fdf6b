namespace Gazette.Privacy;

/// <summary>
/// One piece of personal data found in a text: where it is (in UTF-16 code units) and how it is printed masked, e.g.
/// <c>3701**********1234</c>, <c>138****5678</c>, <c>6222***********0123</c>, <c>z***@example.com</c>.
/// </summary>
/// <param name="Start">where the match starts; a separator-grouped number's separators are part of it.</param>
/// <param name="Length">its length; a mobile number's +86 / 86 prefix is not part of it.</param>
/// <param name="Masked">the masked form, which never holds the hidden digits or letters.</param>
public readonly record struct PersonalDataMatch(PersonalDataKind Kind, int Start, int Length, string Masked)
{
    public int End => Start + Length;
}
