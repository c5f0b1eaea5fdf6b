namespace Gazette.Theme;

/// <summary>A file of the theme: <see cref="Name"/> is relative to the theme folder (layouts/base.liquid), <see cref="SitePath"/> as diagnostics print it.</summary>
public sealed record ThemeFile(string Name, string SitePath, byte[] Bytes);
