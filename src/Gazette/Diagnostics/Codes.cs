namespace Gazette.Diagnostics;

/// <summary>Every diagnostic Gazette reports. The README lists them; one error test exists per code.</summary>
public static class Codes
{
    // Files (GZ00xx)
    public static readonly DiagnosticCode FileUnreadable = new("GZ0001", "the file cannot be read as UTF-8 text");
    public static readonly DiagnosticCode MissingFile = new("GZ0002", "a required file is missing");
    public static readonly DiagnosticCode MissingFrontMatter = new("GZ0003", "a document has no front matter");
    public static readonly DiagnosticCode UnclosedFrontMatter = new("GZ0004", "the front matter is not closed by a '---' line");
    public static readonly DiagnosticCode YamlSyntax = new("GZ0005", "the YAML cannot be parsed");
    public static readonly DiagnosticCode NestedTooDeeply = new("GZ0006", "a document body is nested too deeply to be rendered");

    // Fields (GZ01xx)
    public static readonly DiagnosticCode UnknownKey = new("GZ0101", "a key that is not part of the content model");
    public static readonly DiagnosticCode MissingField = new("GZ0102", "a required field is missing or empty");
    public static readonly DiagnosticCode InvalidDate = new("GZ0103", "a date is not a real date written YYYY-MM-DD");
    public static readonly DiagnosticCode WrongType = new("GZ0104", "a field has the wrong kind of value");
    public static readonly DiagnosticCode InvalidValue = new("GZ0105", "a field's value is not one of the allowed values");
    public static readonly DiagnosticCode InvalidIndexNumber = new("GZ0106", "an index number has characters that cannot appear in a permalink");
    public static readonly DiagnosticCode InvalidId = new("GZ0107", "an id is not made of lower-case letters, digits and hyphens");
    public static readonly DiagnosticCode ValidityBeforeWritten = new("GZ0108", "a document is repealed, expired or amended before it was written");
    public static readonly DiagnosticCode InterpretationWithLegalForm = new("GZ0109", "a policy interpretation (政策解读) is marked as a 规章 or 行政规范性文件");

    // References (GZ02xx)
    public static readonly DiagnosticCode UnknownOrgan = new("GZ0201", "an issuing organ is not defined in organs.yml");
    public static readonly DiagnosticCode UnknownTopic = new("GZ0202", "a topic is not in the topic vocabulary");
    public static readonly DiagnosticCode UnknownGenre = new("GZ0203", "a genre is not in the genre vocabulary");
    public static readonly DiagnosticCode UnknownDocument = new("GZ0204", "a cross-reference names a document that does not exist");
    public static readonly DiagnosticCode NonPublicReference = new("GZ0205", "a published document refers to a document that is not published");
    public static readonly DiagnosticCode UnknownIssue = new("GZ0206", "a document names a gazette issue that has no issue file");
    public static readonly DiagnosticCode UnknownSection = new("GZ0207", "a document names a section its gazette issue does not have");
    public static readonly DiagnosticCode DuplicateIssuePosition = new("GZ0208", "two documents take the same place in a gazette issue");
    public static readonly DiagnosticCode UnknownCatalogueEntry = new("GZ0209", "a document names a catalogue entry that does not exist");
    public static readonly DiagnosticCode MissingAttachment = new("GZ0210", "an attachment file is not beside the document");
    public static readonly DiagnosticCode SelfReference = new("GZ0211", "a document refers to itself");
    public static readonly DiagnosticCode SuccessionCycle = new("GZ0212", "repealed_by and amended_by links form a cycle");

    // Consistency (GZ03xx)
    public static readonly DiagnosticCode DuplicateDocumentId = new("GZ0301", "two documents have the same id");
    public static readonly DiagnosticCode DuplicateIndexNumber = new("GZ0302", "two documents have the same index number");
    public static readonly DiagnosticCode NonPublicWithoutReason = new("GZ0303", "a document that is not 主动公开 states no reason");
    public static readonly DiagnosticCode ValidityIncomplete = new("GZ0304", "a document that is no longer fully valid lacks its date");
    public static readonly DiagnosticCode PublishedBeforeWritten = new("GZ0305", "a document is published before it was written");
    public static readonly DiagnosticCode IssueMisfiled = new("GZ0306", "a gazette issue file's folder or name does not match its year or number");
    public static readonly DiagnosticCode DuplicateDefinition = new("GZ0307", "an organ, topic, genre, catalogue entry or issue is defined twice");
    public static readonly DiagnosticCode MissingOrganCode = new("GZ0308", "an index number must be derived but the organ has no organisation code");
    public static readonly DiagnosticCode UnsafeAttachmentPath = new("GZ0309", "an attachment path leaves the document's folder");
    public static readonly DiagnosticCode ValidityReferenceMismatch = new("GZ0310", "repealed_by or amended_by does not fit the document's validity");
    public static readonly DiagnosticCode UnsafeLink = new("GZ0311", "a link or image address that could run script was removed (warning)");
    public static readonly DiagnosticCode RawHtmlRemoved = new("GZ0312", "raw HTML in a body that is not on the allow-list was removed (warning)");
    public static readonly DiagnosticCode WithheldTextPublished = new("GZ0313", "text that only a withheld document holds appears in the built site");
    public static readonly DiagnosticCode AliasCollidesWithPage = new("GZ0314", "a document's alias is the address of a page or file the site publishes");
    public static readonly DiagnosticCode DuplicateAlias = new("GZ0315", "two documents (or one twice) have the same alias");

    // Theme (GZ04xx)
    public static readonly DiagnosticCode TemplateSyntax = new("GZ0401", "a theme template cannot be parsed");
    public static readonly DiagnosticCode MissingTemplate = new("GZ0402", "the theme lacks a layout the build needs");
    public static readonly DiagnosticCode MissingUiStrings = new("GZ0403", "the theme has no UI strings for the site's language");

    // Privacy (GZ05xx): personal data in a published document (DOMAIN rule 2)
    public static readonly DiagnosticCode ResidentIdNumber = new("GZ0501", "a published document shows a resident ID number (居民身份证号码)");
    public static readonly DiagnosticCode MobileNumber = new("GZ0502", "a published document shows a mobile number (手机号码)");
    public static readonly DiagnosticCode BankCardNumber = new("GZ0503", "a published document shows a bank card number (银行卡号)");
    public static readonly DiagnosticCode EmailAddress = new("GZ0504", "a published document shows an e-mail address (电子邮箱)");
    public static readonly DiagnosticCode ReviewedWithoutReason = new("GZ0505", "a document marked privacy: reviewed states no reason");

    // Timeliness and completeness (GZ06xx): warnings of `gazette check`, also printed by `build`
    public static readonly DiagnosticCode LatePublication = new("GZ0601", "a document was published more than 20 working days after it was written (warning)");
    public static readonly DiagnosticCode LateInterpretation = new("GZ0602", "an interpretation was published more than 3 working days after its policy (warning)");
    public static readonly DiagnosticCode PolicyWithoutInterpretation = new("GZ0603", "a policy document (规范性文件) in force has no published interpretation (warning)");
    public static readonly DiagnosticCode MissingSuccessor = new("GZ0604", "a repealed or amended document does not name the document that repealed or amended it (warning)");
    public static readonly DiagnosticCode MissingSummary = new("GZ0605", "a published document has no summary (内容概述) (warning)");
    public static readonly DiagnosticCode MissedPeriod = new("GZ0606", "a periodic catalogue entry has no document in a period (warning)");
    public static readonly DiagnosticCode NoHolidayData = new("GZ0607", "working days were counted in a year the holiday table does not cover (warning)");

    // Integrity (GZ07xx): the manifest and its signature
    public static readonly DiagnosticCode InvalidSigningKey = new("GZ0701", "the signing key (GAZETTE_SIGNING_KEY) is not an Ed25519 private key");

    // Administration page (GZ08xx): public/admin/, Decap CMS
    public static readonly DiagnosticCode AdminScriptMissing = new("GZ0801", "the administration page's script is not installed (npm ci --prefix admin), so the page is left out (warning)");

    /// <summary>The warnings of <c>gazette check</c> (timeliness and completeness), which a build also reports.</summary>
    public static IReadOnlyList<DiagnosticCode> ArchiveChecks { get; } =
        [LatePublication, LateInterpretation, PolicyWithoutInterpretation, MissingSuccessor, MissingSummary, MissedPeriod, NoHolidayData];

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        FileUnreadable, MissingFile, MissingFrontMatter, UnclosedFrontMatter, YamlSyntax, NestedTooDeeply,
        UnknownKey, MissingField, InvalidDate, WrongType, InvalidValue, InvalidIndexNumber, InvalidId, ValidityBeforeWritten,
        InterpretationWithLegalForm,
        UnknownOrgan, UnknownTopic, UnknownGenre, UnknownDocument, NonPublicReference, UnknownIssue,
        UnknownSection, DuplicateIssuePosition, UnknownCatalogueEntry, MissingAttachment, SelfReference, SuccessionCycle,
        DuplicateDocumentId, DuplicateIndexNumber, NonPublicWithoutReason, ValidityIncomplete,
        PublishedBeforeWritten, IssueMisfiled, DuplicateDefinition, MissingOrganCode, UnsafeAttachmentPath,
        ValidityReferenceMismatch, UnsafeLink, RawHtmlRemoved, WithheldTextPublished, AliasCollidesWithPage, DuplicateAlias,
        TemplateSyntax, MissingTemplate, MissingUiStrings,
        ResidentIdNumber, MobileNumber, BankCardNumber, EmailAddress, ReviewedWithoutReason,
        LatePublication, LateInterpretation, PolicyWithoutInterpretation, MissingSuccessor, MissingSummary, MissedPeriod, NoHolidayData,
        InvalidSigningKey,
        AdminScriptMissing,
    ];
}
