using System.Xml;
using System.Xml.Schema;
using Gazette.Tests.Support;

namespace Gazette.Tests.Feeds;

/// <summary>The schemas in tests/Gazette.Tests/Schemas/, compiled once, and validation that collects every problem.</summary>
public static class XmlSchemas
{
    /// <summary>Atom 1.0 as Gazette writes it (atom.xsd).</summary>
    public static XmlSchemaSet Atom { get; } = Load("xml.xsd", "atom.xsd");

    /// <summary>A sitemap (sitemap.xsd).</summary>
    public static XmlSchemaSet Sitemap { get; } = Load("sitemap.xsd");

    /// <summary>A sitemap index (siteindex.xsd).</summary>
    public static XmlSchemaSet SiteIndex { get; } = Load("siteindex.xsd");

    /// <summary>Every warning and error of validating <paramref name="xml"/> against <paramref name="schemas"/>, with its line.</summary>
    public static List<string> Problems(XmlSchemaSet schemas, byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            problems.Add("not well-formed: " + e.Message);
        }

        return problems;
    }

    /// <summary>The schemas of <paramref name="names"/>, those imported first.</summary>
    private static XmlSchemaSet Load(params string[] names)
    {
        var set = new XmlSchemaSet();
        set.ValidationEventHandler += (_, e) => throw new InvalidOperationException($"{string.Join(", ", names)}: {e.Message}", e.Exception);
        foreach (var name in names)
        {
            using var reader = XmlReader.Create(Path.Combine(Repository.Root, "tests/Gazette.Tests/Schemas", name));
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }
}
