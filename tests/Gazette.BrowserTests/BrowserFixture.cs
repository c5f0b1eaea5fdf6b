using Gazette.Pipeline;
using Microsoft.Playwright;

namespace Gazette.BrowserTests;

/// <summary>Builds the repository's sample site once, serves it on localhost and starts Debian's Chromium through Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public string Output { get; } = Path.Combine(Path.GetTempPath(), "gazette-browser-" + Guid.NewGuid().ToString("N")[..12]);

    public StaticServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        var result = new BuildPipeline().Run(BuildOptions.ForSite(RepositoryRoot, output: Output));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the sample site does not build:\n" + string.Join("\n", result.Diagnostics));
        }

        Server = new StaticServer(Output);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GAZETTE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        Server.Dispose();
        Directory.Delete(Output, recursive: true);
    }

    /// <summary>A new page in its own context, so storage (the large-type choice) does not leak between tests.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = Server.BaseUrl,
            BypassCSP = bypassCsp,
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public string Url(string path) => Server.BaseUrl + path.TrimStart('/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gazette.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gazette.sln not found");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
