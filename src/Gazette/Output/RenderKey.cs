namespace Gazette.Output;

/// <summary>
/// The digest of everything a file of the site was made from (for a page: the theme, the site's settings and what its layout
/// is given), recorded beside the file in the build cache. A build that finds the same key recorded for a file whose bytes
/// are still in the output folder keeps it without making it again (<see cref="Pipeline.WriteSite.Reuse"/>).
/// <see cref="None"/>: the file is always made.
/// </summary>
public readonly record struct RenderKey(Digest128 Value)
{
    public static RenderKey None => default;

    public bool IsNone => Value.IsZero;
}
