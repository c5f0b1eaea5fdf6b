namespace Gazette.Rendering.Views;

/// <summary>An attachment link with its human-readable size (e.g. 12.4 KB) and type (e.g. PDF, TXT).</summary>
public sealed record AttachmentView(string Title, string Url, string FileName, string Size, string Type) : ITemplateView;
