using System.Reflection;
using System.Text.Json;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

/// <summary>The build cache's copy of a parsed document: every member the parse sets comes back as it was.</summary>
public sealed class DocumentCodecTests
{
    private const string Path = "content/documents/2019/full.md";

    /// <summary>A document with every member set to something other than its default.</summary>
    private static Document Full() =>
        new(
            "full-2019",
            new SourceLocation(Path, 1, 1),
            "重庆市铜梁区人民政府办公室关于印发某某办法的通知",
            "铜府办发〔2019〕16号",
            "000014349/2019-00016",
            ["tongliang-office", "tongliang-finance"],
            new DateOnly(2019, 3, 1),
            new DateOnly(2019, 3, 5),
            "zonghe",
            "tongzhi",
            "内容概述。",
            Disclosure.OnRequest,
            "《政府信息公开条例》第十五条",
            new Validity(ValidityStatus.Amended, new DateOnly(2021, 1, 1), "repealer", "amender", "部分条款已修改"),
            "policy-2018",
            new GazettePlacement(2019, 4, "规范性文件", 3),
            [new Attachment("附件1", "附件1.pdf", "content/documents/2019/附件1.pdf", 12345)],
            ["entry-a", "entry-b"],
            217,
            14,
            FieldLocations.From(new Dictionary<string, SourceLocation> { ["title"] = new(Path, 2, 1), ["validity.note"] = new(Path, 9, 3) }, Path))
        {
            Privacy = PrivacyMode.Reviewed,
            PrivacyReason = "行政处罚决定公示",
            LegalForm = LegalForm.Normative,
            Draft = true,
            Aliases = [new Alias("/art/2019/3/5/art_1_2.html", new SourceLocation(Path, 12, 5))],
        };

    private static T RoundTrip<T>(T value, Action<BinaryWriter, T> write, Func<CacheReader, T> read)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer, value);
        }

        var reader = new CacheReader(bytes.ToArray());
        var back = read(reader);
        Assert.True(reader.AtEnd, "the copy holds bytes that were not read back");
        return back;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType());

    [Fact]
    public void The_sample_document_sets_every_member_so_that_a_member_the_codec_forgets_is_seen()
    {
        var document = Full();
        var unset = typeof(Document).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetValue(document) is null or false or 0 or System.Collections.ICollection { Count: 0 } || Equals(p.GetValue(document), DefaultOf(p.PropertyType)))
            .Select(p => p.Name)
            .Except(["IsPublic"]) // computed: a document on request is not public
            .ToList();
        Assert.Empty(unset);
    }

    [Fact]
    public void A_document_comes_back_from_the_cache_with_every_member_as_it_was()
    {
        var document = Full();
        var back = RoundTrip(document, DocumentCodec.Write, r => DocumentCodec.ReadDocument(r, new SharedTexts()));
        Assert.Equal(Json(document), Json(back));
        Assert.Equal(document.At("validity.note"), back.At("validity.note"));
    }

    [Fact]
    public void A_diagnostic_comes_back_from_the_cache_as_it_was()
    {
        var diagnostic = new Diagnostic(new SourceLocation(Path, 3, 8), Severity.Error, Codes.UnknownTopic, "未知的主题", "hint");
        Assert.Equal(diagnostic, RoundTrip(diagnostic, DocumentCodec.Write, DocumentCodec.ReadDiagnostic));
        var plain = diagnostic with { Severity = Severity.Warning, Hint = null };
        Assert.Equal(plain, RoundTrip(plain, DocumentCodec.Write, DocumentCodec.ReadDiagnostic));
    }

    [Fact]
    public void A_cache_file_that_ends_early_is_refused_not_read_as_garbage()
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            DocumentCodec.Write(writer, Full());
        }

        var cut = bytes.ToArray()[..^3];
        Assert.Throws<EndOfStreamException>(() => DocumentCodec.ReadDocument(new CacheReader(cut), new SharedTexts()));
    }

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
