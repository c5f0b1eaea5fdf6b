using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Writes the finished site into a new folder beside the output folder and then swaps it in, so the previous site stays
/// whole until the new one is complete and a failed build never leaves half a site.
/// </summary>
public sealed class WriteSite
{
    public void Run(IReadOnlyList<OutputFile> files, string outputDirectory)
    {
        var duplicate = files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two outputs want the same file {duplicate.Key}");
        }

        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException("the output folder cannot be a file-system root");
        var name = Path.GetFileName(output);
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.building-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var folder in files.Select(f => Path.GetDirectoryName(f.Path)).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(Path.Combine(staging, folder ?? ""));
            }

            Parallel.ForEach(files, file => Write(file, Path.Combine(staging, file.Path)));
            Swap(staging, output, parent, name);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    private static void Write(OutputFile file, string path)
    {
        // CreateNew into a fresh folder: no truncation, so ext4 does not flush every file on close.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        if (file.Bytes is not null)
        {
            stream.Write(file.Bytes);
        }
        else
        {
            using var source = File.OpenRead(file.CopyFrom!);
            source.CopyTo(stream);
        }
    }

    private static void Swap(string staging, string output, string parent, string name)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        var old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        Directory.Delete(old, recursive: true);
    }
}
