using System.CommandLine;
using Gazette.Integrity;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary><c>gazette key new</c>: makes the Ed25519 key that signs the integrity manifest, so no other tool is needed.</summary>
public static partial class GazetteCommand
{
    private static Command CreateKey()
    {
        var create = new Command("new", $"Print a new private key for the environment variable {SigningKeyText.EnvironmentVariable} and its public key.");
        create.SetAction(_ => NewKey());
        return new Command("key", "The key that signs the integrity manifest.") { create };
    }

    /// <summary>Prints a new key pair; <paramref name="console"/> replaces standard output (for tests).</summary>
    public static int NewKey(IAnsiConsole? console = null)
    {
        var stdout = console ?? AnsiConsole.Console;
        stdout.Profile.Width = 100_000;
        var (privateKey, publicKey) = SigningKey.New();
        var variable = SigningKeyText.EnvironmentVariable;
        stdout.WriteLine($"# The private key. Set it as the environment variable {variable} of the build (on Netlify: Site configuration,");
        stdout.WriteLine("# Environment variables, marked secret). Keep it secret: never commit it, never put it in netlify.toml.");
        stdout.WriteLine($"{variable}={privateKey}");
        stdout.WriteLine();
        stdout.WriteLine($"# The public key. Each build signed with this key publishes it as {IntegrityFiles.PublicKey}; give it to readers");
        stdout.WriteLine("# through another channel, for 'gazette verify <site> --key <this key or a file holding it>'.");
        stdout.Write(publicKey.Pem);
        stdout.WriteLine($"# The same public key as base64: {publicKey.Base64}");
        return Success;
    }
}
