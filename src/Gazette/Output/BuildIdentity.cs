using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Gazette.Output;

/// <summary>
/// This build of Gazette and of the .NET runtime it runs on (whose gzip, JSON and text encoding shape the files made): what the
/// build cache's render keys, parsed documents and search index state are recorded under, so that nothing recorded by another
/// build is used.
/// </summary>
internal static class BuildIdentity
{
    /// <summary>16 bytes: XXH3-128 of Gazette's module version id, the runtime's description and its core library's module version id.</summary>
    public static byte[] Bytes { get; } = Compute();

    private static byte[] Compute()
    {
        var digest = new XxHash128();
        digest.Append(typeof(BuildIdentity).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        digest.Append(Encoding.UTF8.GetBytes(RuntimeInformation.FrameworkDescription + "\0" + typeof(object).Assembly.ManifestModule.ModuleVersionId));
        return digest.GetCurrentHash();
    }
}
