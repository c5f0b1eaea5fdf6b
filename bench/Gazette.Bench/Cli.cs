using System.Diagnostics;
using System.Globalization;
using Gazette.Bench.Corpus;

namespace Gazette.Bench;

/// <summary>The benchmark's commands: generate, build, run. See bench/README.md.</summary>
public static class Cli
{
    public static async Task<int> Execute(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        Options options;
        try
        {
            options = args[0] == "search-site" ? null! : Options.Parse(args.Skip(1).ToArray());
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }

        switch (args[0])
        {
            case "generate":
                Generate(options.Sizes.Single(), options.Out ?? Paths.Corpus(options.Sizes.Single()));
                return 0;
            case "search-site":
                // Internal: the fallback build of BenchRun, run as a child process so its memory is measured alone.
                return SearchOnlySite.Run(args[1], args[2], args[3]);
            case "run":
                return await new BenchRun(options).Run();
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'\n{Usage}");
                return 2;
        }
    }

    public const string Usage = """
        Gazette benchmark: search (issue 4) and build scale (issue 7). Run from the repository root:

          dotnet run -c Release --project bench/Gazette.Bench -- generate --docs 1000 [--out bench/work/corpus-1000]
          dotnet run -c Release --project bench/Gazette.Bench -- run --docs 1000,10000[,50000,100000] [options]

        run options:
          --peers lunr,pagefind,hugo|none  which peers to run (default: all three)
          --skip-browser               do not measure in Chromium (build, index size, recall only)
          --builds-only                only the builds: Gazette's and Hugo's, for the build-scale table (no index
                                       reading, corpus scan, lunr, Pagefind or browser)
          --build-repeat N             build N times per size, Gazette and Hugo alternating; medians reported (default 1)
          --incremental N              after the full builds, a build with a build cache and N incremental builds, each
                                       after one published document got one more sentence; then the document is put back,
                                       built again and the output compared with the clean build's (default 0: none)
          --repeat N                   browser measurements per query, median reported (default 3)
          --force-peers                run lunr and Pagefind above 10,000 documents and Hugo above 50,000 (default: skipped, see README)
          --keep                       keep the built site and corpus of every size (default: kept; use --clean to delete)
          --clean                      delete each size's corpus and built sites after measuring it
          --queries FILE               query list (default bench/queries.json)
        """;

    public static void Generate(int count, string output)
    {
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"generating {count:N0} documents into {Paths.Relative(output)}");
        var laws = LawCorpus.Load(Paths.LawsFolder);
        var (documents, bytes) = CorpusWriter.Write(output, count, laws, Console.Out);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {documents:N0} documents ({laws.Count:N0} real laws available), {bytes / 1048576.0:N1} MB of Markdown in {watch.Elapsed.TotalSeconds:N1} s"));
    }
}

/// <summary>The options of the benchmark's commands (see <see cref="Cli.Usage"/>).</summary>
public sealed record Options(IReadOnlyList<int> Sizes, string? Out, IReadOnlyList<string> Peers, bool SkipBrowser, int Repeat, bool ForcePeers, bool Clean, string Queries)
{
    /// <summary>Only the builds (Gazette's and Hugo's): no index reading, corpus scan, search peers or browser.</summary>
    public bool BuildsOnly { get; init; }

    /// <summary>How many times each size is built, Gazette and Hugo alternating.</summary>
    public int BuildRepeat { get; init; } = 1;

    /// <summary>Rounds of incremental builds per size, each after one document changed (<see cref="Incremental.IncrementalBuilds"/>); 0 for none.</summary>
    public int Incremental { get; init; }

    public static Options Parse(string[] args)
    {
        var sizes = new List<int> { 1000 };
        string? output = null;
        var peers = new List<string> { "lunr", "pagefind", "hugo" };
        var skipBrowser = false;
        var buildsOnly = false;
        var buildRepeat = 1;
        var incremental = 0;
        var repeat = 3;
        var force = false;
        var clean = false;
        var queries = Path.Combine(Paths.BenchRoot, "queries.json");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--docs":
                    sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--out":
                    output = Path.GetFullPath(Value());
                    break;
                case "--peers":
                    peers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "none").ToList();
                    break;
                case "--skip-browser":
                    skipBrowser = true;
                    break;
                case "--repeat":
                    repeat = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--builds-only":
                    buildsOnly = true;
                    break;
                case "--build-repeat":
                    buildRepeat = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (buildRepeat < 1)
                    {
                        throw new ArgumentException("--build-repeat needs a number of 1 or more");
                    }

                    break;
                case "--incremental":
                    incremental = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (incremental < 0)
                    {
                        throw new ArgumentException("--incremental needs a number of rounds, 0 or more");
                    }

                    break;
                case "--force-peers":
                    force = true;
                    break;
                case "--keep":
                    break;
                case "--clean":
                    clean = true;
                    break;
                case "--queries":
                    queries = Path.GetFullPath(Value());
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var unknown = peers.Where(p => p is not ("lunr" or "pagefind" or "hugo")).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown peer {string.Join(", ", unknown)} (the peers are lunr, pagefind and hugo)");
        }

        return new Options(sizes, output, peers, skipBrowser, repeat, force, clean, queries) { BuildsOnly = buildsOnly, BuildRepeat = buildRepeat, Incremental = incremental };
    }
}

/// <summary>Where things are: the repository, bench/, bench/work/.</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string BenchRoot => Path.Combine(RepositoryRoot, "bench");

    public static string Work => Path.Combine(BenchRoot, "work");

    public static string Peers => Path.Combine(BenchRoot, "peers");

    public static string LawsFolder => Environment.GetEnvironmentVariable("GAZETTE_LAWS") ?? LawCorpus.DefaultFolder(RepositoryRoot);

    public static string Corpus(int size) => Path.Combine(Work, $"corpus-{size}");

    /// <summary>The Hugo site written from the corpus of this size (<see cref="Peers.HugoSite"/>).</summary>
    public static string HugoSource(int size) => Path.Combine(Work, $"hugo-source-{size}");

    /// <summary>Where Hugo builds it.</summary>
    public static string HugoSite(int size) => Path.Combine(Work, $"hugo-site-{size}");

    /// <summary>Where the incremental builds of this size write (<see cref="Incremental.IncrementalBuilds"/>).</summary>
    public static string IncrementalSite(int size) => Path.Combine(Work, $"site-inc-{size}");

    /// <summary>Their build cache.</summary>
    public static string IncrementalCache(int size) => Path.Combine(Work, $"cache-inc-{size}");

    /// <summary>The original bytes of the document the incremental builds change, while they run.</summary>
    public static string IncrementalOriginal(int size) => Path.Combine(Work, $"inc-original-{size}");

    public static string Relative(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    /// <summary>Where the built folders a build is about to replace wait until the run ends (<see cref="SetAside"/>).</summary>
    public static string SetAsideFolder => Path.Combine(Work, "set-aside");

    /// <summary>
    /// Moves <paramref name="folder"/>, when it exists, out of the way of the build about to write it, into
    /// <see cref="SetAsideFolder"/>; <see cref="DeleteSetAside"/> deletes them when the run ends. A build must not follow the
    /// deletion of a site: ext4 without a journal (this machine's disk) skips the inodes freed in the last 60 s (360 s while
    /// their table is not yet written back) when it looks for free ones, so every file the next build created cost a scan of
    /// them — measured at 10,000 documents: 11.7-15.3 s against 7.3 s for the same Gazette build, Hugo 7.4-7.5 s against 4.7 s,
    /// more than half of all the CPU time in the kernel's inode allocator. A move frees no inode.
    /// </summary>
    public static void SetAside(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        Directory.CreateDirectory(SetAsideFolder);
        Directory.Move(folder, Path.Combine(SetAsideFolder, $"{Path.GetFileName(folder)}-{Guid.NewGuid():N}"));
    }

    /// <summary>Deletes what <see cref="SetAside"/> moved away: at the end of a run, when nothing more is measured.</summary>
    public static void DeleteSetAside()
    {
        if (Directory.Exists(SetAsideFolder))
        {
            Directory.Delete(SetAsideFolder, recursive: true);
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gazette.sln")) && Directory.Exists(Path.Combine(dir.FullName, "bench")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmark inside the Gazette repository (Gazette.sln not found)");
    }
}
