using System.CommandLine;

namespace Makemore.NotebookRunner;

/// <summary>The command line: run notebooks (the root command), and the hidden worker command the runner starts per notebook.</summary>
static class RunnerCommandLine
{
    public static RootCommand Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = $"Notebook files and/or folders (a folder means its *{NotebookFile.Extension} files, in name order).",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise be taken for a notebook path (a file named like an option: ./-name.ipynb).
        notebooks.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } unknown) result.AddError($"unknown option {unknown.Value}");
        });
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder for the executed copies.",
            DefaultValueFactory = _ => RunOptions.DefaultOutputFolder,
        };
        var inPlace = new Option<bool>("--in-place")
        {
            Description = "Also write the outputs into the notebooks themselves, once each has run to its end " +
                "(a notebook that fails is left as it was; its executed copy goes to the output folder).",
        };
        var allowErrors = AllowErrorsOption();
        var timeout = TimeoutOption();
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "How many notebooks run at once, each in its own kernel (by default one per processor core, at most 4).",
            DefaultValueFactory = _ => RunOptions.DefaultJobs,
        };
        MustBePositive(jobs, "--jobs must be a positive number");
        var chartImages = new Option<bool>("--chart-images")
        {
            Description = "Give every Plotly chart output a PNG of itself, drawn in headless Chromium, shown where scripts cannot run " +
                "(GitHub, offline pages); used to refresh the committed notebooks (docs/outputs.md).",
        };
        var browser = new Option<string?>("--browser")
        {
            Description = "Chromium for --chart-images (default: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser or /usr/bin/google-chrome).",
        };
        var plotlyJs = new Option<string>("--plotly-js")
        {
            Description = "plotly.min.js for --chart-images (2.28.0, the version Plotly.NET 6 loads).",
            DefaultValueFactory = _ => RunOptions.DefaultPlotlyJs,
        };

        var root = new RootCommand(
            "Executes .ipynb notebooks top to bottom, each in a fresh .NET Interactive kernel with the notebook's folder as " +
            "the current directory, and writes executed copies with all outputs. Exit codes: 0 every cell ran, 1 a cell " +
            "failed or timed out, 2 bad usage.")
        {
            notebooks, output, inPlace, allowErrors, timeout, jobs, chartImages, browser, plotlyJs, WorkerCommand(), AddImagesCommand(),
        };
        root.SetAction((parse, cancellation) =>
        {
            var options = new RunOptions(parse.GetValue(output)!, parse.GetValue(inPlace), parse.GetValue(allowErrors),
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(jobs),
                parse.GetValue(chartImages), parse.GetValue(browser), parse.GetValue(plotlyJs)!);
            var reporter = new ProgressReporter(Console.Out, Console.Error);
            return Usage(() => Runner.RunAsync(parse.GetValue(notebooks)!, options, reporter, cancellation));
        });
        return root;
    }

    /// <summary>Parses and runs; bad usage gets one line on standard error and exit code 2, as an unreadable notebook does.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0) return UsageError($"{parse.Errors[0].Message.TrimEnd('.')} (see --help).");
        return await parse.InvokeAsync();
    }

    static Command WorkerCommand()
    {
        var notebook = new Argument<string>("notebook");
        var output = new Argument<string>("output");
        var allowErrors = AllowErrorsOption();
        var timeout = TimeoutOption();
        var worker = new Command(Worker.CommandName, "Executes one notebook in this process (started by the runner).")
        {
            notebook, output, allowErrors, timeout,
        };
        worker.Hidden = true;
        worker.SetAction(parse => Worker.RunAsync(
            parse.GetValue(notebook)!, parse.GetValue(output)!, TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(allowErrors)));
        return worker;
    }

    // For executed copies made without --chart-images (the notebook tests' copies, for instance), and for docs/images.
    static Command AddImagesCommand()
    {
        var notebooks = new Argument<string[]>("executed") { Arity = ArgumentArity.OneOrMore };
        var browser = new Option<string?>("--browser");
        var plotlyJs = new Option<string>("--plotly-js") { DefaultValueFactory = _ => RunOptions.DefaultPlotlyJs };
        var command = new Command("add-chart-images", "Gives the charts of already executed notebooks their pictures, in place.")
        {
            notebooks, browser, plotlyJs,
        };
        command.Hidden = true;
        command.SetAction((parse, _) => Usage(() => Runner.AddChartImagesAsync(parse.GetValue(notebooks)!,
            new RunOptions(RunOptions.DefaultOutputFolder, true, false, TimeSpan.Zero, 1, true, parse.GetValue(browser), parse.GetValue(plotlyJs)!),
            new ProgressReporter(Console.Out, Console.Error))));
        return command;
    }

    static Option<bool> AllowErrorsOption() =>
        new("--allow-errors") { Description = "Run a notebook to its end after a failing cell, as if it had not failed (a timed-out cell still stops it)." };

    static Option<int> TimeoutOption()
    {
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds a cell may run before it is stopped.",
            DefaultValueFactory = _ => RunOptions.DefaultTimeoutSeconds,
        };
        MustBePositive(timeout, "--timeout must be a positive number of seconds");
        return timeout;
    }

    static void MustBePositive(Option<int> option, string message) => option.Validators.Add(result =>
    {
        // A value that is no number at all already has the parser's own error; reading it here would throw.
        if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out var value) && value <= 0) result.AddError(message);
    });

    static async Task<int> Usage(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (UsageException e)
        {
            return UsageError(e.Message);
        }
    }

    static int UsageError(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }
}
