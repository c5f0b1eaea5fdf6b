using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using YamlDotNet.RepresentationModel;

namespace Gazette.Pipeline;

/// <summary>
/// Reads every content/documents/**.md into a typed <see cref="Document"/>: front matter fields, vocabularies resolved to ids,
/// attachments found beside the file, and where the body starts (the file's text is read up to there only, so the place
/// the front matter ends is the place the body starts in the file). Cross-references between documents are checked later by <see cref="CheckReferences"/>.
/// </summary>
public sealed class ParseDocuments
{
    private static readonly string[] DocumentKeys = ContentSchema.KeysOf(ContentSchema.Document);
    private static readonly string[] ValidityKeys = ContentSchema.KeysOf(ContentSchema.ValidityFields);
    private static readonly string[] GazetteKeys = ContentSchema.KeysOf(ContentSchema.GazetteFields);
    private static readonly string[] AttachmentKeys = ContentSchema.KeysOf(ContentSchema.AttachmentFields);

    public static IReadOnlyDictionary<string, Disclosure> Disclosures { get; } = new Dictionary<string, Disclosure>(StringComparer.Ordinal)
    {
        ["主动公开"] = Disclosure.Public,
        ["依申请公开"] = Disclosure.OnRequest,
        ["不予公开"] = Disclosure.Withheld,
        ["public"] = Disclosure.Public,
        ["on_request"] = Disclosure.OnRequest,
        ["withheld"] = Disclosure.Withheld,
    };

    /// <summary>The values of <c>privacy:</c>. Without it, personal data in a published document is an error.</summary>
    public static IReadOnlyDictionary<string, PrivacyMode> PrivacyModes { get; } = new Dictionary<string, PrivacyMode>(StringComparer.Ordinal)
    {
        ["mask"] = PrivacyMode.Mask,
        ["reviewed"] = PrivacyMode.Reviewed,
        ["去标识化"] = PrivacyMode.Mask,
        ["已审核"] = PrivacyMode.Reviewed,
    };

    /// <summary>
    /// The values of <c>legal_form:</c>, the Chinese term first. Without it, a document of a policy genre is a
    /// 行政规范性文件 and any other document 其他 (<see cref="SiteConfiguration.LegalFormOf"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, LegalForm> LegalForms { get; } = new Dictionary<string, LegalForm>(StringComparer.Ordinal)
    {
        ["规章"] = LegalForm.Rules,
        ["行政规范性文件"] = LegalForm.Normative,
        ["规范性文件"] = LegalForm.Normative,
        ["其他"] = LegalForm.Other,
        ["rules"] = LegalForm.Rules,
        ["normative"] = LegalForm.Normative,
        ["other"] = LegalForm.Other,
    };

    public static IReadOnlyDictionary<string, ValidityStatus> Validities { get; } = new Dictionary<string, ValidityStatus>(StringComparer.Ordinal)
    {
        ["有效"] = ValidityStatus.Valid,
        ["失效"] = ValidityStatus.Expired,
        ["废止"] = ValidityStatus.Repealed,
        ["已修改"] = ValidityStatus.Amended,
        ["valid"] = ValidityStatus.Valid,
        ["expired"] = ValidityStatus.Expired,
        ["repealed"] = ValidityStatus.Repealed,
        ["amended"] = ValidityStatus.Amended,
    };

    /// <param name="parsed">the build cache's parses of the documents: a file it holds (<see cref="ContentFile.Known"/>) is not
    /// parsed again, and each file parsed is recorded in it.</param>
    /// <remarks>
    /// The files are parsed on several threads, each with a bag of its own; the documents, the cache's records and the
    /// diagnostics are then taken in the files' order, so neither the model nor the report depends on which thread finished first.
    /// </remarks>
    public IReadOnlyList<Document> Run(ContentSet content, SiteConfiguration config, DiagnosticBag diagnostics, ParsedDocumentCache? parsed = null)
    {
        var files = content.Under("documents/").ToArray();
        var reads = new (Document? Document, DiagnosticBag? Found)[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var file = files[i];
            if ((file.Known && parsed is not null) || file.Extension != ".md" || file.Text is null)
            {
                return;
            }

            var found = new DiagnosticBag();
            reads[i] = (Read(file, content, config, found), found);
        });

        var documents = new List<Document>(files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            var (document, found) = reads[i];
            if (files[i].Known && parsed is not null)
            {
                document = parsed.Recall(files[i], diagnostics);
            }
            else if (found is not null)
            {
                parsed?.Remember(files[i], document, found.Items);
                diagnostics.AddRange(found.Items);
            }

            if (document is not null)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    private static Document? Read(ContentFile file, ContentSet content, SiteConfiguration config, DiagnosticBag diagnostics)
    {
        var start = new SourceLocation(file.Path);
        var (frontMatter, problem) = FrontMatter.Split(file.Text!);
        switch (problem)
        {
            case FrontMatter.Problem.Missing:
                diagnostics.Error(start, Codes.MissingFrontMatter,
                    file.Text!.Trim().Length == 0 ? "the document is empty" : "the document does not start with front matter",
                    "start the file with a line '---', the metadata (title, issuers, written, published, ...), and another '---' line");
                return null;
            case FrontMatter.Problem.Unclosed:
                diagnostics.Error(start, Codes.UnclosedFrontMatter, "the front matter is never closed",
                    "end the metadata with a line holding only '---'");
                return null;
        }

        var root = YamlText.Parse(frontMatter!.Yaml, file.Path, FrontMatter.YamlLineOffset, diagnostics);
        if (root is not YamlMappingNode mapping)
        {
            if (root is not null || frontMatter.Yaml.Trim().Length == 0)
            {
                diagnostics.Error(start, Codes.MissingField, "the front matter holds no metadata",
                    "write at least title, issuers, written, published, topic, genre and disclosure");
            }

            return null;
        }

        var fields = new FieldReader(mapping, file.Path, FrontMatter.YamlLineOffset, diagnostics, DocumentKeys);
        var id = ReadId(fields, file, diagnostics);
        var title = fields.Text("title", required: true) ?? "";
        var indexNumber = fields.Text("index_number");
        if (indexNumber is not null && !Ids.IsIndexNumberValid(indexNumber))
        {
            fields.Error("index_number", Codes.InvalidIndexNumber, $"the index number \"{indexNumber}\" cannot be used in a permalink",
                "index numbers use letters, digits and . _ - / between them, e.g. 000014349/2018-00222");
            indexNumber = null;
        }

        var issuers = ReadIssuers(fields, config, diagnostics);
        var written = fields.Date("written", required: true);
        var published = fields.Date("published", required: true);
        if (written is { } w && published is { } p && p < w)
        {
            fields.Error("published", Codes.PublishedBeforeWritten,
                $"the document is published on {p:yyyy-MM-dd}, before it was written on {w:yyyy-MM-dd}", "check 'written' and 'published'");
        }

        var topic = ReadVocabulary(fields, "topic", config.FindTopic, config.TopicNames, Codes.UnknownTopic, "topics.yml", t => t.Id);
        var genre = ReadVocabulary(fields, "genre", config.FindGenre, config.GenreNames, Codes.UnknownGenre, "genres.yml", g => g.Id);
        var legalForm = ReadLegalForm(fields, genre is null ? null : config.FindGenre(genre));
        var disclosure = fields.Choice("disclosure", Disclosures, required: true) ?? Disclosure.Public;
        var reason = fields.Text("disclosure_reason");
        if (disclosure != Disclosure.Public && reason is null)
        {
            fields.Error("disclosure", Codes.NonPublicWithoutReason, "a document that is not 主动公开 must state why",
                "add 'disclosure_reason:' citing the legal basis, e.g. 《政府信息公开条例》第十五条");
        }

        var privacy = fields.Choice("privacy", PrivacyModes) ?? PrivacyMode.Screened;
        var privacyReason = fields.Text("privacy_reason");
        if (privacy == PrivacyMode.Reviewed && privacyReason is null)
        {
            fields.Error("privacy", Codes.ReviewedWithoutReason, "a document whose personal data is published as it is must state why",
                "add 'privacy_reason:' naming the ground, e.g. 行政处罚决定公示 or 法定应当公开; otherwise write 'privacy: mask'");
        }

        var locations = new Dictionary<string, SourceLocation>(fields.Locations, StringComparer.Ordinal);

        var document = new Document(
            id ?? "",
            start,
            title,
            fields.Text("doc_number"),
            indexNumber,
            issuers,
            written ?? DateOnly.MinValue,
            published ?? DateOnly.MinValue,
            topic ?? "",
            genre ?? "",
            fields.Text("summary"),
            disclosure,
            reason,
            ReadValidity(fields, written, locations, diagnostics),
            fields.Text("interprets"),
            ReadPlacement(fields),
            ReadAttachments(fields, file, content, locations, diagnostics),
            ReadCatalogue(fields, config, diagnostics),
            frontMatter.BodyStart,
            frontMatter.BodyLine,
            FieldLocations.From(locations, file.Path))
        {
            Privacy = privacy,
            PrivacyReason = privacyReason,
            LegalForm = legalForm,
            Draft = fields.Choice("draft", FieldReader.Booleans) ?? false,
            Aliases = ReadAliases(fields, diagnostics),
        };
        return id is null ? null : document;
    }

    /// <summary>
    /// <c>aliases:</c>, the old addresses of a document that moved: paths on the site's host written from its root (/…), without
    /// query, fragment, white space or Netlify's * and : patterns; percent-escapes are read as the characters they stand for.
    /// </summary>
    private static IReadOnlyList<Alias> ReadAliases(FieldReader fields, DiagnosticBag diagnostics)
    {
        var aliases = new List<Alias>();
        foreach (var (value, at) in fields.TextList("aliases"))
        {
            var path = Alias.Normalise(value);
            if (path is null)
            {
                diagnostics.Error(at, Codes.InvalidValue, $"the alias \"{value}\" is not a path of this site",
                    "write the old address from the site's root, e.g. /art/2019/7/19/art_1234_5678.html, without ?, #, spaces, * or :");
                continue;
            }

            aliases.Add(new Alias(path, at));
        }

        return aliases;
    }

    private static string? ReadId(FieldReader fields, ContentFile file, DiagnosticBag diagnostics)
    {
        var written = fields.Text("id");
        var id = written ?? Path.GetFileNameWithoutExtension(file.Path);
        if (Ids.IsValid(id))
        {
            return id;
        }

        if (written is not null)
        {
            fields.Error("id", Codes.InvalidId, $"the id \"{id}\" is not a valid id", Ids.Rule);
        }
        else
        {
            diagnostics.Error(fields.Start, Codes.InvalidId, $"the file name \"{id}\" cannot serve as the document's id",
                "rename the file (lower-case letters, digits, hyphens) or add 'id:' to the front matter");
        }

        return null;
    }

    private static IReadOnlyList<string> ReadIssuers(FieldReader fields, SiteConfiguration config, DiagnosticBag diagnostics)
    {
        var issuers = new List<string>();
        foreach (var (organ, at) in fields.TextList("issuers", required: true))
        {
            if (config.FindOrgan(organ) is null)
            {
                var named = config.Organs.FirstOrDefault(o => o.Name == organ || o.ShortName == organ);
                diagnostics.Error(at, Codes.UnknownOrgan, $"the organ '{organ}' is not defined in organs.yml",
                    named is not null ? $"organs are named by their id: write '{named.Id}' for {organ}"
                        : DidYouMean.Hint(organ, config.Organs.Select(o => o.Id)) ?? "add it to content/organs.yml or correct the id");
            }
            else if (issuers.Contains(organ))
            {
                diagnostics.Error(at, Codes.DuplicateDefinition, $"the organ '{organ}' is listed twice");
            }
            else
            {
                issuers.Add(organ);
            }
        }

        return issuers;
    }

    private static string? ReadVocabulary<T>(FieldReader fields, string key, Func<string, T?> find, IEnumerable<string> names,
        DiagnosticCode code, string file, Func<T, string> id)
        where T : class
    {
        var value = fields.Text(key, required: true);
        if (value is null)
        {
            return null;
        }

        if (find(value) is { } found)
        {
            return id(found);
        }

        fields.Error(key, code, $"'{value}' is not in the {key} vocabulary",
            DidYouMean.Hint(value, names) is { } hint ? hint : $"use a name from content/{file} or add it there");
        return null;
    }

    /// <summary><c>legal_form:</c> as written, or null; a 政策解读 explains a 规章 or 行政规范性文件 and is never one itself.</summary>
    private static LegalForm? ReadLegalForm(FieldReader fields, Genre? genre)
    {
        var form = fields.Choice("legal_form", LegalForms);
        if (form is LegalForm.Rules or LegalForm.Normative && genre is { IsInterpretation: true })
        {
            fields.Error("legal_form", Codes.InterpretationWithLegalForm,
                $"a {genre.Name} cannot be a {LegalForms.First(f => f.Value == form).Key}: it explains a policy and is not one",
                "remove 'legal_form:' (the document it interprets carries the legal form), or correct the genre");
        }

        return form;
    }

    private static Validity ReadValidity(FieldReader fields, DateOnly? written, Dictionary<string, SourceLocation> locations, DiagnosticBag diagnostics)
    {
        if (fields.Raw("validity") is null)
        {
            return Validity.InForce;
        }

        if (fields.Raw("validity") is YamlScalarNode)
        {
            var status = fields.Choice("validity", Validities) ?? ValidityStatus.Valid;
            if (status != ValidityStatus.Valid)
            {
                fields.Error("validity", Codes.ValidityIncomplete, $"a document marked {Label(status)} needs the date it stopped being fully valid",
                    $"write validity: {{status: {Label(status)}, date: YYYY-MM-DD{(status == ValidityStatus.Repealed ? ", repealed_by: <id>" : status == ValidityStatus.Amended ? ", amended_by: <id>" : "")}}}");
            }

            return new Validity(status, null, null, null, null);
        }

        var mapping = fields.Mapping("validity", ValidityKeys);
        if (mapping is null)
        {
            return Validity.InForce;
        }

        var state = mapping.Choice("status", Validities, required: true) ?? ValidityStatus.Valid;
        var date = mapping.Date("date");
        var repealedBy = mapping.Text("repealed_by");
        var amendedBy = mapping.Text("amended_by");
        if (state != ValidityStatus.Valid && date is null && !mapping.Has("date"))
        {
            diagnostics.Error(mapping.Start, Codes.ValidityIncomplete, $"a document marked {Label(state)} needs the date it stopped being fully valid",
                "add 'date: YYYY-MM-DD' under validity");
        }

        if (state != ValidityStatus.Valid && date is { } since && written is { } made && since < made)
        {
            mapping.Error("date", Codes.ValidityBeforeWritten,
                $"the document is marked {Label(state)} from {since:yyyy-MM-dd}, before it was written on {made:yyyy-MM-dd}",
                "check 'written' and the validity 'date': a document can only be repealed, expire or be amended once it exists");
        }

        if (repealedBy is not null && state != ValidityStatus.Repealed)
        {
            mapping.Error("repealed_by", Codes.ValidityReferenceMismatch, $"'repealed_by' is only for 废止 documents, but this one is {Label(state)}",
                "set status: 废止, or use amended_by for an amendment");
        }

        if (amendedBy is not null && state != ValidityStatus.Amended)
        {
            mapping.Error("amended_by", Codes.ValidityReferenceMismatch, $"'amended_by' is only for 已修改 documents, but this one is {Label(state)}",
                "set status: 已修改, or use repealed_by for a repeal");
        }

        foreach (var key in (string[])["note", "repealed_by", "amended_by"])
        {
            if (mapping.Has(key))
            {
                locations["validity." + key] = mapping.KeyAt(key);
            }
        }

        return new Validity(state, date, repealedBy, amendedBy, mapping.Text("note"));
    }

    private static string Label(ValidityStatus status) => Validities.First(v => v.Value == status).Key;

    private static GazettePlacement? ReadPlacement(FieldReader fields)
    {
        var mapping = fields.Mapping("gazette", GazetteKeys);
        if (mapping is null)
        {
            return null;
        }

        var year = mapping.Integer("year", required: true);
        var issue = mapping.Integer("issue", required: true);
        var section = mapping.Text("section", required: true);
        var order = mapping.Integer("order", required: true);
        return year is null || issue is null || section is null || order is null ? null : new GazettePlacement(year.Value, issue.Value, section, order.Value);
    }

    private static IReadOnlyList<Attachment> ReadAttachments(FieldReader fields, ContentFile file, ContentSet content,
        Dictionary<string, SourceLocation> locations, DiagnosticBag diagnostics)
    {
        var folder = file.Path[..(file.Path.LastIndexOf('/') + 1)];
        var attachments = new List<Attachment>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in fields.MappingList("attachments", AttachmentKeys))
        {
            var name = item.Text("file", required: true);
            if (name is null)
            {
                continue;
            }

            var segments = name.Replace('\\', '/').Split('/');
            if (name.StartsWith('/') || segments.Any(s => s is "" or "." or ".."))
            {
                item.Error("file", Codes.UnsafeAttachmentPath, $"the attachment path \"{name}\" must stay inside the document's folder",
                    "put the file beside the Markdown file (or in a sub-folder) and write its relative path without '..'");
                continue;
            }

            var source = content.Find(folder + string.Join('/', segments));
            if (source is null)
            {
                item.Error("file", Codes.MissingAttachment, $"the attachment \"{name}\" is not in {folder}",
                    "copy the file beside the Markdown file, or correct the name (names are case-sensitive)");
                continue;
            }

            var fileName = segments[^1];
            if (fileName.Equals("index.html", StringComparison.OrdinalIgnoreCase))
            {
                item.Error("file", Codes.UnsafeAttachmentPath, "an attachment cannot be named index.html: it would replace the document's page",
                    "rename the file");
                continue;
            }

            if (!names.Add(fileName))
            {
                item.Error("file", Codes.DuplicateDefinition, $"two attachments are named \"{fileName}\"");
                continue;
            }

            locations[$"attachments[{attachments.Count}].file"] = item.KeyAt("file");
            if (item.Has("title"))
            {
                locations[$"attachments[{attachments.Count}].title"] = item.KeyAt("title");
            }

            attachments.Add(new Attachment(item.Text("title") ?? Path.GetFileNameWithoutExtension(fileName), fileName, source.Path, source.Size));
        }

        return attachments;
    }

    private static IReadOnlyList<string> ReadCatalogue(FieldReader fields, SiteConfiguration config, DiagnosticBag diagnostics)
    {
        var entries = new List<string>();
        foreach (var (id, at) in fields.TextList("catalogue"))
        {
            if (config.FindEntry(id) is null)
            {
                diagnostics.Error(at, Codes.UnknownCatalogueEntry, $"the catalogue entry '{id}' does not exist",
                    DidYouMean.Hint(id, SiteConfiguration.Flatten(config.Catalogue).Select(e => e.Id)) ?? "define it in content/catalogue.yml");
            }
            else if (!entries.Contains(id))
            {
                entries.Add(id);
            }
        }

        return entries;
    }
}
