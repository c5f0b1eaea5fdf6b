namespace Gazette.Integrity;

/// <summary>The verdict of <c>gazette verify</c>; its value is the exit code.</summary>
public enum VerifyOutcome
{
    /// <summary>Every listed file is as published (and, for a folder, no file is unlisted).</summary>
    Verified = 0,

    /// <summary>Some files differ, are missing or unreadable, or are not listed.</summary>
    Differences = 1,

    /// <summary>The copy cannot be checked: no manifest, a malformed one, or a signature that does not match.</summary>
    CannotVerify = 2,
}
