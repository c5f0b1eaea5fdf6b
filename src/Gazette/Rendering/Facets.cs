namespace Gazette.Rendering;

/// <summary>The names of the five catalogue navigations, as they appear in URLs.</summary>
public static class Facets
{
    public const string Topics = "topics";
    public const string Organs = "organs";
    public const string Genres = "genres";
    public const string Years = "years";
    public const string Validity = "validity";
}
