namespace Gazette.Integrity;

/// <summary>
/// The text of the Ed25519 private key that signs the manifest, and where it came from (the environment variable
/// <see cref="Variable"/>). It is a secret: <see cref="ToString"/> never shows it, so it cannot slip into a log.
/// </summary>
public sealed record SigningKeyText(string Variable, string Text)
{
    /// <summary>The environment variable a build reads the key from.</summary>
    public const string EnvironmentVariable = "GAZETTE_SIGNING_KEY";

    /// <summary>The key in <see cref="EnvironmentVariable"/>; null when it is not set or blank.</summary>
    public static SigningKeyText? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } text && !string.IsNullOrWhiteSpace(text)
            ? new SigningKeyText(EnvironmentVariable, text)
            : null;

    /// <summary>Names the variable, never the key.</summary>
    public override string ToString() => $"the signing key in {Variable}";
}
