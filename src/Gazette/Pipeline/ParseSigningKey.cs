using Gazette.Diagnostics;
using Gazette.Integrity;

namespace Gazette.Pipeline;

/// <summary>
/// Reads the key that signs the integrity manifest, when the build was given one (<see cref="BuildOptions.SigningKey"/>, from
/// the environment variable GAZETTE_SIGNING_KEY). A key that cannot be read is an error at the variable (GZ0701), which never
/// shows the key.
/// </summary>
public sealed class ParseSigningKey
{
    /// <returns>the key, or null when none was given or it cannot be read.</returns>
    public SigningKey? Run(BuildOptions options, DiagnosticBag diagnostics)
    {
        if (options.SigningKey is not { } given)
        {
            return null;
        }

        if (SigningKey.TryParse(given.Text, out var problem) is { } key)
        {
            return key;
        }

        diagnostics.Error(SourceLocation.Environment(given.Variable), Codes.InvalidSigningKey,
            $"{given.Variable} is not an Ed25519 private key: {problem}",
            $"set it to the line 'gazette key new' prints for {given.Variable} (the base64 of a 32-byte seed) or to a PKCS#8 PEM key " +
            $"from 'openssl genpkey -algorithm ed25519'; to build without signing, unset {given.Variable}");
        return null;
    }
}
