using System.Text;
using System.Text.Unicode;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Privacy;

namespace Gazette.Pipeline;

/// <summary>
/// The privacy screen (DOMAIN rule 2, 个人信息去标识化): looks through everything a published document shows — its title,
/// summary, document number, validity note and attachment titles and names (<see cref="Fields"/>, before any view is made),
/// its body (<see cref="Bodies"/>, before it is rendered) and its text attachments (<see cref="Attachments"/>) — for resident ID,
/// mobile and bank card numbers and e-mail addresses (<see cref="PersonalDataScanner"/>).
/// <list type="bullet">
/// <item>Without <c>privacy:</c> each one found is an error (GZ0501–GZ0504) at its place, printed masked.</item>
/// <item>With <c>privacy: mask</c> each one is replaced by its masked form, so every output — pages, listings, search index,
/// attachments — shows only that (an attachment's file name cannot be masked: a hit there stays an error).</item>
/// <item>With <c>privacy: reviewed</c> (and a <c>privacy_reason</c>) the document is published as it is.</item>
/// </list>
/// Only 主动公开 documents reach this stage. It is pure: texts in, texts and diagnostics out.
/// </summary>
public sealed class ScreenPersonalData(PersonalDataScanner scanner)
{
    /// <summary>Screens the front-matter texts of the published documents; documents marked privacy: mask come back masked.</summary>
    public IReadOnlyList<Document> Fields(IReadOnlyList<Document> published, DiagnosticBag diagnostics) =>
        diagnostics.MapInParallel(published.Count, (i, local) => published[i] is { Privacy: PrivacyMode.Reviewed } reviewed ? reviewed : Fields(published[i], local));

    /// <summary>Screens the Markdown bodies of a batch; those of documents marked privacy: mask come back masked.</summary>
    /// <param name="bodies">the bodies of <paramref name="batch"/>, in the same order.</param>
    public IReadOnlyList<string> Bodies(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<string> bodies, DiagnosticBag diagnostics)
        => diagnostics.MapInParallel(batch.Count, (i, local) =>
        {
            var document = batch[i].Source;
            return document.Privacy == PrivacyMode.Reviewed
                ? bodies[i]
                : Text(document, bodies[i], document.Source.Path, document.BodyLine, "the body", EscapeMarkdown, local);
        });

    /// <summary>Screens the text attachments of a batch and gives the files to publish for them, masked under privacy: mask.</summary>
    /// <param name="texts">for each document of <paramref name="batch"/>, the bytes of its text attachments (<see cref="ReadTextAttachments"/>).</param>
    public IReadOnlyList<OutputFile> Attachments(Archive archive, IReadOnlyList<PublishedDocument> batch, IReadOnlyList<IReadOnlyList<byte[]?>> texts,
        DiagnosticBag diagnostics)
    {
        var results = diagnostics.MapInParallel(batch.Count, (i, local) =>
        {
            var document = batch[i];
            var files = new List<OutputFile>();
            foreach (var (attachment, bytes) in document.Source.Attachments.Where(a => a.IsText).Zip(texts[i]))
            {
                if (bytes is not null)
                {
                    var path = archive.Urls.ToOutputPath(archive.Urls.Attachment(document.IndexNumber, attachment.FileName));
                    files.Add(new OutputFile(path, document.Source.Privacy == PrivacyMode.Reviewed ? bytes : Screen(document.Source, attachment, bytes, local)));
                }
            }

            return files;
        });
        return results.SelectMany(f => f).ToList();
    }

    private Document Fields(Document document, DiagnosticBag diagnostics)
    {
        string? Screen(string? text, string key, string where) =>
            text is null ? null : Text(document, text, document.At(key), where, diagnostics);

        var attachments = new List<Attachment>();
        foreach (var (i, attachment) in document.Attachments.Index())
        {
            var file = $"attachments[{i}].file";
            var title = $"attachments[{i}].title";
            var found = scanner.Scan(attachment.FileName);
            foreach (var match in found)
            {
                // A file name is part of the page's address: it is never rewritten, so a hit in it is an error even under privacy: mask.
                Report(document.At(file), match, $"the file name of attachment {PersonalDataScanner.Mask(attachment.FileName, found)}",
                    "rename the file: its name is part of its published address and is not masked; or, when the law requires it to be published, add 'privacy: reviewed' with 'privacy_reason:'",
                    diagnostics);
            }

            // A title not written is the file name's stem, screened just above.
            attachments.Add(document.Fields.ContainsKey(title)
                ? attachment with { Title = Screen(attachment.Title, title, $"the title of attachment {attachment.FileName}")! }
                : attachment);
        }

        // Under privacy: mask the texts come back masked; otherwise each hit was reported and the texts are as they were.
        var (screenedTitle, summary, number, note) = (Screen(document.Title, "title", "the title")!, Screen(document.Summary, "summary", "the summary"),
            Screen(document.DocNumber, "doc_number", "the document number"), Screen(document.Validity.Note, "validity.note", "the validity note"));
        if (ReferenceEquals(screenedTitle, document.Title) && ReferenceEquals(summary, document.Summary) && ReferenceEquals(number, document.DocNumber)
            && ReferenceEquals(note, document.Validity.Note) && attachments.SequenceEqual(document.Attachments, ReferenceEqualityComparer.Instance))
        {
            return document; // nothing masked (most documents): the same one, not a copy for the rest of the build to hold
        }

        return document with
        {
            Title = screenedTitle,
            Summary = summary,
            DocNumber = number,
            Validity = document.Validity with { Note = note },
            Attachments = attachments,
        };
    }

    /// <summary>A front-matter text: every hit reported at its key, or the text masked.</summary>
    private string Text(Document document, string text, SourceLocation at, string where, DiagnosticBag diagnostics)
    {
        var found = scanner.Scan(text);
        if (found.Count == 0 || document.Privacy == PrivacyMode.Mask)
        {
            return PersonalDataScanner.Mask(text, found);
        }

        foreach (var match in found)
        {
            Report(at, match, where, Hint(match), diagnostics);
        }

        return text;
    }

    /// <summary>A text of many lines (a body, an attachment): every hit reported at its line and column, or the text masked.</summary>
    private string Text(Document document, string text, string path, int firstLine, string where, Func<string, string>? escape, DiagnosticBag diagnostics)
    {
        var found = scanner.Scan(text);
        if (found.Count == 0 || document.Privacy == PrivacyMode.Mask)
        {
            return PersonalDataScanner.Mask(text, found, escape);
        }

        var line = firstLine;
        var lineStart = 0;
        var at = 0;
        foreach (var match in found)
        {
            for (; at < match.Start; at++)
            {
                if (text[at] == '\n')
                {
                    line++;
                    lineStart = at + 1;
                }
            }

            Report(new SourceLocation(path, line, Column(text, lineStart, match.Start)), match, where, Hint(match), diagnostics);
        }

        return text;
    }

    /// <summary>A text attachment's bytes to publish: as read, or masked under privacy: mask.</summary>
    private byte[] Screen(Document document, Attachment attachment, byte[] bytes, DiagnosticBag diagnostics)
    {
        // UTF-8 (with or without a BOM); any other encoding is read byte for byte, which keeps ASCII digits and letters in place.
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        Encoding encoding = Utf8.IsValid(bytes) ? StrictUtf8 : Encoding.Latin1;
        var text = encoding.GetString(bytes, bom, bytes.Length - bom);
        var result = Text(document, text, attachment.SourcePath, 1, $"the attachment {attachment.FileName}", null, diagnostics);
        return ReferenceEquals(result, text) ? bytes : [.. bytes.AsSpan(0, bom), .. encoding.GetBytes(result)];
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void Report(SourceLocation at, PersonalDataMatch match, string where, string hint, DiagnosticBag diagnostics)
    {
        var (code, what) = match.Kind switch
        {
            PersonalDataKind.ResidentId => (Codes.ResidentIdNumber, "a resident ID number (居民身份证号码)"),
            PersonalDataKind.Mobile => (Codes.MobileNumber, "a mobile number (手机号码)"),
            PersonalDataKind.BankCard => (Codes.BankCardNumber, "a bank card number (银行卡号)"),
            _ => (Codes.EmailAddress, "an e-mail address (电子邮箱)"),
        };
        diagnostics.Error(at, code, $"{where} contains {what}: {match.Masked}", hint);
    }

    private static string Hint(PersonalDataMatch match) =>
        $"de-identify it (write {match.Masked}), or add 'privacy: mask' to publish it masked, or 'privacy: reviewed' with 'privacy_reason:' " +
        "when the law requires it to be published (e.g. 行政处罚决定公示, 法定应当公开)";

    /// <summary>The 1-based column of <paramref name="index"/> in characters (a surrogate pair is one character).</summary>
    private static int Column(string text, int lineStart, int index)
    {
        var column = 1;
        for (var k = lineStart; k < index; k++)
        {
            if (!char.IsLowSurrogate(text[k]))
            {
                column++;
            }
        }

        return column;
    }

    /// <summary>
    /// A masked form in Markdown: its stars must not read as emphasis. They are written as character references rather than
    /// backslash escapes, which raw HTML in the body would show as they are; Markdown and HTML both read <c>&amp;#42;</c> as a star.
    /// </summary>
    private static string EscapeMarkdown(string masked) =>
        masked.Replace("*", "&#42;", StringComparison.Ordinal).Replace("_", "&#95;", StringComparison.Ordinal);
}
