using BenchmarkDotNet.Running;
using Makemore.Benchmarks;

// Modes (docs/performance.md): "targets" runs the suite, the memory check and the notebook timing and prints each target
// with PASS or FAIL ("targets --skip-notebooks" leaves the notebooks out), "memory" the native memory over 1,000
// training steps, "notebooks" the notebook series through the runner, "dictionary [FILE [repeats]]" makemore train on a
// dictionary-sized word list (default /usr/share/dict/ukrainian), "loops" our half of the PyTorch comparison;
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
return args.FirstOrDefault() switch
{
    "loops" => LessonLoops.Run(),
    "memory" => MemoryCheck.Run(args),
    "notebooks" => NotebookTiming.Run(args),
    "dictionary" => DictionaryScale.Run(args),
    "targets" => Targets.Run(args),
    _ => Benchmarks(args),
};

static int Benchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Names).Assembly).Run(args, BenchmarkConfig.Create());
    return 0;
}
