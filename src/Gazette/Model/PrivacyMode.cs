namespace Gazette.Model;

/// <summary>
/// What a document says about the personal data in it (front matter <c>privacy:</c>, DOMAIN rule 2). Personal information in a
/// published document must be de-identified (个人信息去标识化) unless publishing it is punitive publicity or required by law.
/// </summary>
public enum PrivacyMode
{
    /// <summary>Nothing said: personal data found in the document is an error.</summary>
    Screened,
    /// <summary><c>privacy: mask</c>: the build masks the personal data it finds in every output.</summary>
    Mask,
    /// <summary><c>privacy: reviewed</c> with <c>privacy_reason</c>: published as it is, e.g. 行政处罚决定公示.</summary>
    Reviewed,
}
