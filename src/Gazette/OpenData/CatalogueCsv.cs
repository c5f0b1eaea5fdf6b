using System.Globalization;
using System.Text;
using Gazette.Model;
using Gazette.Rendering;
using Gazette.Reports;

namespace Gazette.OpenData;

/// <summary>
/// catalogue.csv: one row per published document, newest first, under Chinese column headers. UTF-8 with a byte order mark (so
/// spreadsheet programs read the Chinese right), CRLF line ends, RFC 4180 quoting (a field with a comma, a double quote or a
/// line break is quoted, its quotes doubled). Joint organs are joined by <see cref="OrganSeparator"/>; a field with no value
/// is empty. Written a few thousand rows at a time: the whole file is never held.
/// </summary>
public sealed class CatalogueCsv(Archive archive)
{
    /// <summary>Between the names of the organs of a joint document: the full-width semicolon, which organ names do not contain.</summary>
    public const string OrganSeparator = "；";

    /// <summary>The columns in order: each header and the field of the JSON record it holds.</summary>
    public static IReadOnlyList<(string Header, string Field)> Columns { get; } =
    [
        ("索引号", "index_number"), ("标题", "title"), ("文号", "doc_number"), ("发布机构", "organs"), ("主题分类", "topic"),
        ("文种", "genre"), ("法律形式", "legal_form"), ("成文日期", "written"), ("发布日期", "published"), ("有效性", "validity.status"),
        ("失效/废止/修改日期", "validity.date"), ("公报期次", "gazette"), ("内容概述", "summary"), ("URL", "url"), ("数据URL", "data_url"),
        ("文本校验码", "text_sha256"),
    ];

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly SiteConfiguration _config = archive.Config;

    /// <summary>Writes the byte order mark and the header row.</summary>
    public StreamWriter Begin(Stream stream)
    {
        stream.Write(Bom);
        var writer = Rows(stream);
        WriteRow(writer, Columns.Select(c => c.Header).ToList());
        return writer;
    }

    /// <summary>A writer of rows (<see cref="Write"/>) into <paramref name="stream"/>, as <see cref="Begin"/> gives after the header.</summary>
    public static StreamWriter Rows(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    /// <summary>One document's row.</summary>
    public void Write(StreamWriter writer, PublishedDocument document, string textSha256, OpenDataJson json)
    {
        var source = document.Source;
        var validity = source.Validity;
        WriteRow(writer,
        [
            document.IndexNumber,
            source.Title,
            source.DocNumber ?? "",
            string.Join(OrganSeparator, source.Issuers.Select(id => _config.FindOrgan(id)?.Name ?? id)),
            _config.FindTopic(source.Topic)?.Name ?? source.Topic,
            _config.FindGenre(source.Genre)?.Name ?? source.Genre,
            AnnualTableMarkdown.Label(_config.LegalFormOf(source)),
            ViewFactory.Date(source.Written),
            ViewFactory.Date(source.Published),
            OpenDataJson.ValidityName(validity.Status),
            validity.Status != ValidityStatus.Valid && validity.Date is { } date ? ViewFactory.Date(date) : "",
            source.Gazette is { } g ? IssueName(g.IssueKey) : "",
            source.Summary ?? "",
            json.Absolute(document.Url),
            json.Absolute(archive.Urls.DocumentData(document.IndexNumber)),
            textSha256,
        ]);
    }

    /// <summary>公报期次 as 2019年第2期: a form no spreadsheet program takes for a date or a number.</summary>
    public static string IssueName(IssueKey key) => string.Create(CultureInfo.InvariantCulture, $"{key.Year}年第{key.Number}期");

    private static void WriteRow(StreamWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.WriteLine();
    }
}
