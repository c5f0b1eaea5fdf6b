namespace Gazette.Output;

/// <summary>
/// A file of the built site. <see cref="Path"/> is relative to the output folder with forward slashes. Its bytes are either
/// <see cref="Bytes"/> or a copy of <see cref="CopyFrom"/> (an absolute path, for attachments).
/// </summary>
public sealed record OutputFile(string Path, byte[]? Bytes, string? CopyFrom = null)
{
    /// <summary>The digest of what the file was made from, recorded for the next build (<see cref="Output.RenderKey"/>).</summary>
    public RenderKey RenderKey { get; init; }

    /// <summary>
    /// What <see cref="Bytes"/> read as when they are compressed (a file of the search index, gzip data), at hand from before they
    /// were: the audit looks through these instead of inflating the bytes again. Null: the bytes, inflated if they are gzip data.
    /// </summary>
    public byte[]? Text { get; init; }
}
