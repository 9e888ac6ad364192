using BenchmarkDotNet.Running;
using Makemore.Benchmarks;

// Modes (README: docs/benchmarks.md): "targets" runs everything and checks the targets, "memory" the native
// memory over 1,000 training steps, "loops" our half of the PyTorch comparison; anything else goes to BenchmarkDotNet
// (e.g. --filter '*').
return args.FirstOrDefault() switch
{
    "loops" => LessonLoops.Run(),
    _ => Benchmarks(args),
};

static int Benchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Names).Assembly).Run(args, BenchmarkConfig.Create());
    return 0;
}
