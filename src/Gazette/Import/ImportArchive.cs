using System.Security.Cryptography;
using System.Text;
using Gazette.Model;

namespace Gazette.Import;

/// <summary>
/// <c>gazette import</c>: turns a folder of existing documents into content files under
/// <c>content/documents/imported/&lt;year&gt;/</c>. Each file is read by the reader its format calls for — laws-zh's Markdown
/// with a dated header (<see cref="ReadLawDocument"/>, with the folder's db.sqlite3 for validity) or plain text
/// (<see cref="ReadPlainTextDocument"/>) — and written with a <c># TODO(import)</c> note at every field it could not derive.
/// A document with a stand-in value is written as a draft, and so is one that would refer to a draft, so nothing invented is
/// ever published. A content file that already exists is left as it is (the publisher may have reviewed it). Genres the
/// documents need and the site lacks are added to content/genres.yml.
/// </summary>
public sealed class ImportArchive
{
    /// <summary>The folder under content/documents/ that imported documents are written into.</summary>
    public const string Folder = "imported";

    public ImportResult Run(ImportSettings settings, SiteConfiguration config, IProgress<(int Done, int Total)>? progress = null)
    {
        var context = new ImportContext(config, settings);
        var files = Directory.EnumerateFiles(settings.Folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(settings.Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var catalogue = LawCatalogue.TryOpen(settings.Folder);
        var ids = files.ToDictionary(f => f, IdOf, StringComparer.Ordinal);
        var byVersion = new Dictionary<(string, DateOnly?), string>();
        foreach (var file in files.Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            var (name, version) = ReadLawDocument.NameAndVersion(Path.GetFileNameWithoutExtension(file));
            byVersion.TryAdd((name, version ?? catalogue?.Find(name, null)?.Published), ids[file]);
        }

        string? VersionId(LawRecord record) =>
            byVersion.GetValueOrDefault((record.Name, record.Published)) ?? (record.FileName is { } part ? byVersion.GetValueOrDefault((part, record.Published)) : null);

        var documents = new List<ImportedDocument>();
        var failures = new List<(string, string)>();
        var skipped = new List<(string, string)>();
        foreach (var (index, file) in files.Index())
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(Path.Combine(settings.Folder, file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                failures.Add((file, e is DecoderFallbackException ? "not UTF-8 text; save it as UTF-8 and import it again" : e.Message));
                continue;
            }

            if (ReadLawDocument.Recognises(text))
            {
                documents.Add(ReadLawDocument.Run(file, ids[file], text, context, catalogue, VersionId));
            }
            else if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                documents.Add(ReadPlainTextDocument.Run(file, ids[file], text, context));
            }
            else
            {
                skipped.Add((file, "Markdown without laws-zh's header (# title … <!-- INFO END -->): not a format the importer reads"));
            }

            progress?.Report((index + 1, files.Count));
        }

        documents = MarkDrafts(documents);
        return Write(settings, context, documents, failures, skipped);
    }

    /// <summary>A stable id from the source path: <c>imp-</c> and 12 hex digits of its SHA-256.</summary>
    internal static string IdOf(string source) =>
        "imp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];

    /// <summary>
    /// A document with a stand-in value becomes a draft; so does one that refers (amended_by) to a draft, since a published
    /// document may not (GZ0205), until nothing changes.
    /// </summary>
    private static List<ImportedDocument> MarkDrafts(List<ImportedDocument> documents)
    {
        var drafts = documents.Where(d => d.HasPlaceholder).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var referrers = documents
            .Select(d => (d.Id, Target: d.Field("validity")?.Yaml is { } v && v.IndexOf("amended_by: ", StringComparison.Ordinal) is var at and >= 0 ? v[(at + 12)..].TrimEnd('}') : null))
            .Where(r => r.Target is not null)
            .ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (id, target) in referrers)
            {
                if (drafts.Contains(target!) && drafts.Add(id))
                {
                    changed = true;
                }
            }
        }

        return documents.Select(d => !drafts.Contains(d.Id) ? d : d with
        {
            Fields = [.. d.Fields, new ImportField("draft", "true", d.HasPlaceholder
                ? "有暂填的字段（见上），审核前不发布；改正后删除此行"
                : "引用的新版本是草稿，审核前不发布；新版本发布后删除此行")],
        }).ToList();
    }

    private static ImportResult Write(ImportSettings settings, ImportContext context, List<ImportedDocument> documents, List<(string, string)> failures, List<(string, string)> skipped)
    {
        var written = new List<string>();
        var kept = new List<string>();
        var todos = new List<ImportTodo>();
        var withoutOrgan = new List<string>();
        var drafts = 0;
        foreach (var document in documents)
        {
            var relative = Path.Combine(settings.ContentDirectory, "documents", Folder, document.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), document.Id + ".md");
            var display = Path.GetRelativePath(settings.SiteRoot, relative).Replace('\\', '/');
            if (File.Exists(relative))
            {
                kept.Add(display);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(relative)!);
            WriteAtomically(relative, FrontMatterText.Render(document));
            written.Add(display);
            drafts += document.Field("draft") is null ? 0 : 1;
            if (document.Field("issuers")?.Yaml == "[todo-organ]")
            {
                withoutOrgan.Add(display);
            }

            todos.AddRange(document.Fields.Where(f => f.Todo is not null)
                .Select(f => new ImportTodo(display, document.Source, f.Key.TrimStart('#'), f.Todo!, f.Placeholder)));
        }

        var genres = AddGenres(settings, context.NewGenres);
        return new ImportResult(written, drafts, kept, failures, skipped, todos, genres, withoutOrgan);
    }

    /// <summary>Appends the genres the site lacks to content/genres.yml (creating it), each with a note to review it.</summary>
    private static List<string> AddGenres(ImportSettings settings, IReadOnlyCollection<Genre> genres)
    {
        if (genres.Count == 0)
        {
            return [];
        }

        var path = Path.Combine(settings.ContentDirectory, "genres.yml");
        var text = new StringBuilder(File.Exists(path) ? File.ReadAllText(path) : "# 本站在内置文种之外使用的文种。\n");
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }

        foreach (var genre in genres)
        {
            text.Append("- {id: ").Append(genre.Id).Append(", name: ").Append(genre.Name).Append("}  # ").Append(FrontMatterText.TodoMarker)
                .Append(": 由导入加入；请确认名称，并按需要写明 policy: true（规范性文件）\n");
        }

        WriteAtomically(path, text.ToString());
        return genres.Select(g => g.Name).ToList();
    }

    /// <summary>Writes beside the place first and then moves the file into it, so no file is ever left half-written.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
