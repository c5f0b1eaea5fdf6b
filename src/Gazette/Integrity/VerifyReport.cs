namespace Gazette.Integrity;

/// <summary>What <see cref="VerifySite"/> found in a copy of a site.</summary>
/// <param name="Failure">when the copy cannot be verified, why.</param>
/// <param name="Notes">what the reader should know about how far the check goes (an unsigned manifest, a key not given).</param>
/// <param name="Problems">every file that is not as published, by path.</param>
/// <param name="Listed">how many files the manifest lists.</param>
/// <param name="ExtrasChecked">whether files present but not listed could be looked for (a folder can be listed, a web site not).</param>
public sealed record VerifyReport(
    VerifyOutcome Outcome,
    string? Failure,
    SignatureState Signature,
    IReadOnlyList<string> Notes,
    IReadOnlyList<VerifyProblem> Problems,
    int Listed,
    bool ExtrasChecked)
{
    /// <summary>A copy that cannot be checked at all.</summary>
    public static VerifyReport Cannot(string failure, SignatureState signature = SignatureState.Unsigned, IReadOnlyList<string>? notes = null) =>
        new(VerifyOutcome.CannotVerify, failure, signature, notes ?? [], [], 0, false);
}
