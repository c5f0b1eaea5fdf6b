using Gazette.Diagnostics;

namespace Gazette.Model;

/// <summary>
/// One document from content/documents/**.md: its disclosure metadata and where its Markdown body is. The body itself is not
/// kept: it is read again from the file when the document is rendered.
/// </summary>
public sealed record Document(
    /// <summary>The id other documents use to refer to it; the file name without .md unless set.</summary>
    string Id,
    SourceLocation Source,
    string Title,
    /// <summary>发文字号, e.g. 铜府办发〔2019〕16号; absent for documents without one.</summary>
    string? DocNumber,
    /// <summary>索引号 as written, or null until derived by the build.</summary>
    string? IndexNumber,
    /// <summary>Issuing organ ids, the leading organ first.</summary>
    IReadOnlyList<string> Issuers,
    DateOnly Written,
    DateOnly Published,
    /// <summary>Topic id.</summary>
    string Topic,
    /// <summary>Genre id.</summary>
    string Genre,
    /// <summary>内容概述.</summary>
    string? Summary,
    Disclosure Disclosure,
    string? DisclosureReason,
    Validity Validity,
    /// <summary>On an interpretation: the id of the policy it explains.</summary>
    string? Interprets,
    GazettePlacement? Gazette,
    IReadOnlyList<Attachment> Attachments,
    /// <summary>Ids of the 主动公开基本目录 entries the document belongs to.</summary>
    IReadOnlyList<string> Catalogue,
    /// <summary>
    /// Where the Markdown body starts in the file's decoded text (in UTF-16 code units, after the BOM is dropped and line ends
    /// are made \n); the body runs to the end of the file.
    /// </summary>
    int BodyOffset,
    /// <summary>The 1-based line of the file on which the body starts.</summary>
    int BodyLine,
    /// <summary>
    /// Where each front-matter key was written, for diagnostics found after reading; nested keys as <c>validity.note</c>,
    /// <c>validity.repealed_by</c>, <c>validity.amended_by</c>,
    /// <c>attachments[0].title</c> and <c>attachments[0].file</c> (numbered as in <see cref="Attachments"/>).
    /// </summary>
    IReadOnlyDictionary<string, SourceLocation> Fields)
{
    /// <summary>What the document says about the personal data in it (<c>privacy:</c>); see <see cref="PrivacyMode"/>.</summary>
    public PrivacyMode Privacy { get; init; }

    /// <summary>Why its personal data may be published as it is (<c>privacy_reason:</c>, required with privacy: reviewed).</summary>
    public string? PrivacyReason { get; init; }

    /// <summary>
    /// 规章, 行政规范性文件 or 其他 as written (<c>legal_form:</c>); null when not written, and then the genre decides
    /// (<see cref="SiteConfiguration.LegalFormOf"/>).
    /// </summary>
    public LegalForm? LegalForm { get; init; }

    /// <summary>A draft (<c>draft: true</c>): read and checked like any document, but never published.</summary>
    public bool Draft { get; init; }

    /// <summary>The old addresses of the document (<c>aliases:</c>), redirected to its page (301) so that links to them keep working.</summary>
    public IReadOnlyList<Alias> Aliases { get; init; } = [];

    /// <summary>主动公开 and not a draft: the documents that are published.</summary>
    public bool IsPublic => Disclosure == Disclosure.Public && !Draft;

    /// <summary>Why a document is not published, for messages: "is a draft" or "is not 主动公开".</summary>
    public string NotPublished => Draft ? "is a draft" : "is not 主动公开";

    public SourceLocation At(string key) => Fields.TryGetValue(key, out var at) ? at : Source;
}
