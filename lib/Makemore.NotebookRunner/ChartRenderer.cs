using PuppeteerSharp;

namespace Makemore.NotebookRunner;

/// <summary>
/// Draws Plotly.NET charts in headless Chromium and takes their picture. The chart's own HTML runs unchanged, against a
/// local copy of plotly.js and a stand-in for require.js (the page has no network), so the picture is exactly the chart
/// a live kernel draws.
/// </summary>
sealed class ChartRenderer : IAsyncDisposable
{
    /// <summary>The width of a notebook's output area, near enough: charts without a width of their own fill it.</summary>
    const int PageWidth = 900;

    // Chromium tries to reach the network at start unless told not to.
    static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    readonly IBrowser browser;
    readonly string folder;
    readonly SemaphoreSlim onePage = new(1);

    ChartRenderer(IBrowser browser, string folder)
    {
        this.browser = browser;
        this.folder = folder;
    }

    /// <summary>Chromium to use: $CHROMIUM_PATH, else the first of Debian's, Ubuntu's and Google's that exists.</summary>
    public static string? FindBrowser() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : KnownBrowsers.FirstOrDefault(File.Exists);

    static readonly string[] KnownBrowsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static async Task<ChartRenderer> StartAsync(string browserPath, string plotlyJs)
    {
        var folder = Directory.CreateTempSubdirectory("makemore-charts-").FullName;
        File.Copy(plotlyJs, Path.Combine(folder, "plotly.min.js"));
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = browserPath,
            Headless = true,
            Args = Flags,
            IgnoredDefaultArgs = ["--enable-automation"],
            UserDataDir = Path.Combine(folder, "profile"), // fresh each run
        });
        return new ChartRenderer(browser, folder);
    }

    /// <summary>Adds the pictures to the executed notebook at <paramref name="path"/>; returns how many charts it has.</summary>
    public async Task<int> AddAsync(string path)
    {
        await onePage.WaitAsync();
        try
        {
            return await ChartImages.AddAsync(path, this);
        }
        finally
        {
            onePage.Release();
        }
    }

    /// <summary>A PNG of the chart drawn by <paramref name="html"/> into the div <paramref name="id"/>.</summary>
    public async Task<byte[]> RenderAsync(string html, string id)
    {
        var file = Path.Combine(folder, "chart.html");
        await File.WriteAllTextAsync(file, $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <style>
              body { margin: 0; background: white; font-family: sans-serif; } #output { width: {{PageWidth}}px; }
              .modebar-container { display: none; } /* its buttons do nothing in a picture */
            </style>
            <script src="plotly.min.js"></script>
            <script>
              // Plotly.NET's script asks require.js for 'plotly'; hand it the copy loaded above.
              window.requirejs = function () {};
              window.requirejs.config = function () { return function (modules, ready) { ready(window.Plotly); }; };
            </script>
            </head><body><div id="output">{{html}}</div></body></html>
            """);
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 2 * PageWidth, Height = 1200, DeviceScaleFactor = 1 });
        await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
        // Drawn: plotly marks the div and has laid out its SVG; two frames more let the last text settle.
        await page.WaitForFunctionAsync(
            $"() => {{ const d = document.getElementById('{id}'); return d && d.classList.contains('js-plotly-plot') && d.querySelector('.main-svg'); }}",
            new WaitForFunctionOptions { Timeout = 30_000 });
        await page.EvaluateExpressionAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        // The drawing itself, at its own size (a chart with a width of its own may be wider than the output area).
        var chart = await page.QuerySelectorAsync($"[id='{id}'] .svg-container") ?? throw new InvalidOperationException($"chart {id} was not drawn");
        return await chart.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        await browser.DisposeAsync();
        onePage.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold its profile for a moment; a temporary folder left behind does no harm.
        }
    }
}
