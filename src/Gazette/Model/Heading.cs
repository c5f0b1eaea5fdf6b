namespace Gazette.Model;

/// <summary>A heading of a document body with the anchor id it was given.</summary>
public sealed record Heading(int Level, string Text, string Id);
