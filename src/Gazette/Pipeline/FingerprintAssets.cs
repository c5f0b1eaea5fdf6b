using System.Security.Cryptography;
using Gazette.Model;
using Gazette.Output;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Names every theme asset after its content (site.css → site.1a2b3c4d.css) so it can be cached forever, and gives templates
/// the map from the asset's own name to its URL.
/// </summary>
public sealed class FingerprintAssets
{
    private const string Folder = "assets/";

    public (IReadOnlyDictionary<string, string> Urls, IReadOnlyList<OutputFile> Files) Run(IReadOnlyList<ThemeFile> assets, SiteUrls urls)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = new List<OutputFile>();
        foreach (var asset in assets)
        {
            var name = asset.Name[Folder.Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(asset.Bytes))[..10];
            var extension = Path.GetExtension(name);
            var hashed = name[..^extension.Length] + "." + hash + extension;
            map[name] = urls.Asset(hashed);
            files.Add(new OutputFile(Folder + hashed, asset.Bytes));
        }

        return (map, files);
    }
}
