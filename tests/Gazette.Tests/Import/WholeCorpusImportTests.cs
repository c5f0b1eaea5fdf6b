using Gazette.Cli;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Import;

/// <summary>
/// The whole laws-zh corpus (1,512 files, ../shared/corpora/laws-zh) imported into an empty site that names the national organs,
/// then built: no error. About 25 s on this project's 2-core machine, so it is marked slow
/// (<c>dotnet test --filter Speed!=Slow</c> leaves it out).
/// </summary>
[Collection("Fuzz")] // takes every core, like the fuzz tests: one at a time
public sealed class WholeCorpusImportTests
{
    [Fact]
    [Trait("Speed", "Slow")]
    public void Importing_the_whole_laws_corpus_gives_a_site_that_builds_without_errors()
    {
        // The corpus is not part of the repository: it sits beside it (../shared, as on the project's machines).
        var corpus = Path.GetFullPath(Path.Combine(Repository.Root, "../shared/corpora/laws-zh"));
        if (!Directory.Exists(corpus))
        {
            Assert.False(Environment.GetEnvironmentVariable("GAZETTE_REQUIRE_CORPORA") is "1", "the laws-zh corpus is expected beside the repository at " + corpus);
            return;
        }

        using var site = new TestSite("""
            -- content/organs.yml --
            - {id: npc, name: 全国人民代表大会, code: "000000001"}
            - {id: npcsc, name: 全国人民代表大会常务委员会, code: "000000002"}
            - {id: state-council, name: 中华人民共和国国务院, short_name: 国务院, code: "000000003"}
            - {id: spc, name: 最高人民法院, code: "000000004"}
            - {id: spp, name: 最高人民检察院, code: "000000005"}
            - {id: cmc, name: 中华人民共和国中央军事委员会, short_name: 中央军事委员会, code: "000000006"}
            - {id: ministries, name: 国务院各部门, code: "000000007"}
            """);
        var (console, output) = PlainConsole.Create();

        var exit = GazetteCommand.Import(corpus, BuildOptions.ForSite(site.Root), null, "ministries", "其他", null, quiet: false, verbose: false, console);

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Contains("imported 1512 documents", output.ToString());
        var result = site.BuildSuccessfully();
        Assert.Equal(1512, result.Documents + result.Withheld);
        Assert.True(result.Documents > 800, $"only {result.Documents} documents published");
    }
}
