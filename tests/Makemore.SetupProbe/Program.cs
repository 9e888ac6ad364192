using Makemore;
using static TorchSharp.torch;

switch (args.FirstOrDefault())
{
    case "setup-first":
        // The full status too: the printed line leaves out how the natives loaded, the tests check both.
        Console.WriteLine($"status: {Notebook.Setup()}");
        PrintRand();
        return 0;
    case "torch-first":
        try
        {
            PrintRand();
        }
        catch (Exception e)
        {
            Console.WriteLine($"torch failed before setup: {e.GetType().Name}");
        }
        Notebook.Setup();
        PrintRand();
        return 0;
    default:
        Console.Error.WriteLine("usage: Makemore.SetupProbe setup-first|torch-first");
        return 2;
}

static void PrintRand()
{
    var g = new Generator(2147483647);
    Console.WriteLine(string.Join(" ", rand(3, generator: g).data<float>().ToArray().Select(x => x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))));
}
