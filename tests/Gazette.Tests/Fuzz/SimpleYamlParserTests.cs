using System.Text;
using Gazette.Content;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gazette.Tests.Fuzz;

/// <summary>
/// <see cref="SimpleYamlParser"/> reads front matter instead of YamlDotNet only where it gives the very events YamlDotNet's
/// parser gives: every event's kind, value, style, implicitness, anchor, tag and start and end marks. Checked on the shapes it
/// is meant for, on the sample site's files and on 100,000 mutated front matters (where it must either decline or agree).
/// </summary>
[Collection("Fuzz")] // the fuzz tests take every core: one at a time
public sealed class SimpleYamlParserTests(ITestOutputHelper output)
{
    private const int Cases = 100_000;
    private const int FirstSeed = 20_261_201;

    public static TheoryData<string> Shapes =>
    [
        "title: \"关于\\\"测试\\\\的\\\"通知\"\ndoc_number: '川府''发〔2019〕16号'\nwritten: 2019-07-19   \n",
        "issuers: [city-office, \"a b\", 'c']\ntags: []\nempty:\nlast: 1\n",
        "# a comment first\n\ntitle: 通知\n  # an indented comment\nsummary: 内容：概述，见 https://example.org/a#b\n",
        "gazette: {year: 2019, issue: 12, section: 地方政府文件, order: 5}\nvalidity: {}\nv: {status: \"废止\", date: 2022-12-12}\n",
        "extra:\n  source: derived:x\n  n: 5\n  deeper:\n    k: v\nnext: 1\n",
        "attachments:\n- file: a.pdf\n  title: 附件一\n-   file: b.pdf\nlist:\n  - x\n  - \"y\"\n  - [z]\nlast: 1\n",
        "attachments:\n  - file: 原文.txt\n    title: 通知原文\n    list:\n    - a\n    - b\n  - file: 附件/表格.csv\ncatalogue: [policy-files]\n",
        "a:\n  b:\n    c:\n      - d\n",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_shapes_it_reads_give_YamlDotNets_events(string yaml)
    {
        var events = Events(SimpleYamlParser.TryParse(yaml));
        Assert.NotNull(events);
        Assert.Equal(YamlDotNets(yaml), events);
    }

    [Theory]
    [InlineData("title: |\n  block\n")] // a block scalar
    [InlineData("title: a\n  b\n")] // a plain scalar over two lines
    [InlineData("title: \"a\n  b\"\n")] // a quoted one
    [InlineData("title: \"\\u4E00\"\n")] // an escape other than \" and \\
    [InlineData("title: &a x\nb: *a\n")] // an anchor and an alias
    [InlineData("title: !!str 1\n")] // a tag
    [InlineData("title: a # note\n")] // a comment after a value
    [InlineData("title:\ta\n")] // a tab
    [InlineData("list: [a, [b]]\n")] // a list in a flow list
    [InlineData("- a\n- b\n")] // a list, not a mapping
    [InlineData("title: a: b\n")] // an error
    [InlineData("title: a")] // no line break at the end
    [InlineData("---\ntitle: a\n")] // a document marker
    [InlineData("a_key_longer_than_a_hundred_characters_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: 1\n")] // YamlDotNet fails past 1,024
    public void Other_text_is_left_to_YamlDotNet(string yaml) => Assert.Null(SimpleYamlParser.TryParse(yaml));

    [Fact]
    public void The_sample_documents_front_matter_is_read_by_it_as_YamlDotNet_reads_it()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Support.Repository.Root, "content", "documents"), "*.md", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var yaml = FrontMatter.Split(File.ReadAllText(file)).Result?.Yaml;
            Assert.NotNull(yaml);
            var events = Events(SimpleYamlParser.TryParse(yaml));
            Assert.True(events is not null, $"{file}: left to YamlDotNet");
            Assert.Equal(YamlDotNets(yaml), events);
        }
    }

    [Fact]
    public void Mutated_front_matter_is_either_left_to_YamlDotNet_or_read_as_it_reads_it()
    {
        var read = 0;
        var differing = new List<string>();
        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var text = Encoding.UTF8.GetString(new Mutator(new Random(FirstSeed + i), FuzzSamples.All).Next()).Replace("\r\n", "\n");
            var yaml = FrontMatter.Split(text).Result?.Yaml ?? text;
            if (Events(SimpleYamlParser.TryParse(yaml)) is not { } events)
            {
                return;
            }

            Interlocked.Increment(ref read);
            if (!events.SequenceEqual(YamlDotNets(yaml) ?? []))
            {
                lock (differing)
                {
                    differing.Add($"seed {FirstSeed + i}:\n{yaml}");
                }
            }
        });

        output.WriteLine($"{Cases:N0} cases: {read:N0} read by SimpleYamlParser, {differing.Count} differing from YamlDotNet");
        Assert.True(differing.Count == 0, string.Join("\n\n", differing.Take(3)));
        Assert.True(read > Cases / 50, $"only {read} of {Cases} cases were read by it: the check is checking little"); // 6,400 when written
    }

    /// <summary>YamlDotNet's events, each described whole; null when it fails.</summary>
    private static List<string>? YamlDotNets(string yaml)
    {
        try
        {
            return Events(new Parser(new StringReader(yaml)));
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static List<string>? Events(IParser? parser)
    {
        if (parser is null)
        {
            return null;
        }

        var events = new List<string>();
        while (parser.MoveNext())
        {
            events.Add(Describe(parser.Current!));
        }

        return events;
    }

    private static string Describe(ParsingEvent e) => $"{e.GetType().Name} {Mark(e.Start)}-{Mark(e.End)} " + e switch
    {
        Scalar s => $"'{s.Value}' {s.Style} plain-implicit={s.IsPlainImplicit} quoted-implicit={s.IsQuotedImplicit} key={s.IsKey} tag={s.Tag} anchor={s.Anchor}",
        MappingStart m => $"{m.Style} implicit={m.IsImplicit} tag={m.Tag} anchor={m.Anchor}",
        SequenceStart q => $"{q.Style} implicit={q.IsImplicit} tag={q.Tag} anchor={q.Anchor}",
        DocumentStart d => $"implicit={d.IsImplicit} version={d.Version?.Version}",
        DocumentEnd d => $"implicit={d.IsImplicit}",
        AnchorAlias a => $"*{a.Value}",
        _ => "",
    };

    private static string Mark(Mark mark) => $"{mark.Index}/{mark.Line}:{mark.Column}";
}
