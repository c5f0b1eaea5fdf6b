namespace Gazette.Rendering.Views;

/// <summary>Everything a document page shows, under <c>document</c>.</summary>
public sealed record DocumentView(
    string Title,
    string Url,
    string? DocNumber,
    string IndexNumber,
    IReadOnlyList<LinkView> Issuers,
    string Written,
    string Published,
    LinkView Topic,
    LinkView Genre,
    string? Summary,
    ValidityView Validity,
    /// <summary>The body as HTML, to be output with <c>| raw</c>.</summary>
    string Body,
    /// <summary>The text hash (文本校验码): SHA-256 of the body's Markdown as published, 64 lower-case hex digits.</summary>
    string TextSha256,
    /// <summary>The body's headings (level 2 and 3) as links to their anchors.</summary>
    IReadOnlyList<OutlineItemView> Outline,
    IReadOnlyList<AttachmentView> Attachments,
    /// <summary>On an interpretation: the policy it explains.</summary>
    DocumentSummaryView? Interprets,
    /// <summary>On a policy: its interpretations.</summary>
    IReadOnlyList<DocumentSummaryView> Interpretations,
    /// <summary>Documents this one repealed or amended.</summary>
    IReadOnlyList<DocumentSummaryView> Supersedes,
    PlacementView? Gazette,
    IReadOnlyList<LinkView> Catalogue,
    bool IsInterpretation,
    /// <summary>Schema.org Legislation JSON-LD, to be output with <c>| raw</c> inside a script element.</summary>
    string JsonLd) : ITemplateView;
