using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace Makemore.Benchmarks;

/// <summary>
/// The "loops" mode, our half of the PyTorch comparison (pytorch/compare.sh runs both): the lesson's 100-step
/// full-batch training loop on names.txt's 228,146 bigrams in each formulation, from the lesson's seeded W, timed from
/// the first step to the last. Prints one line per formulation: name, seconds, first loss, last loss (the losses show
/// both sides trained the same network: 3.7686 and 2.4901).
/// </summary>
static class LessonLoops
{
    public const int Steps = 100;
    const int WarmUpSteps = 3;

    public static int Run()
    {
        Names.Ready();
        Console.WriteLine($"# {TorchSetup.Load()}");
        using var examples = Examples.Of(Names.Words, Names.Vocabulary, 2);
        using var xs = examples.X.view(-1);
        foreach (var formulation in Enum.GetValues<Formulation>())
        {
            // The first calls load kernels and JIT-compile our side; PyTorch's script warms up the same way.
            using (var warm = randn(27, 27).requires_grad_())
                for (var i = 0; i < WarmUpSteps; i++) LessonStep.Run(formulation, warm, xs, examples.Y);
            using var g = new Generator(Names.Seed);
            using var w = randn([27, 27], generator: g).requires_grad_();
            var losses = new float[Steps];
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < Steps; k++) losses[k] = LessonStep.Run(formulation, w, xs, examples.Y);
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name(formulation)} {seconds:F4} {losses[0]:F4} {losses[^1]:F4}"));
        }
        return 0;
    }

    public static string Name(Formulation formulation) => formulation switch
    {
        Formulation.OneHot => "one-hot",
        Formulation.Indexing => "indexing",
        _ => "cross_entropy",
    };
}
