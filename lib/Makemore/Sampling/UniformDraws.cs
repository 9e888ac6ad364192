namespace Makemore;

/// <summary>
/// Uniform float64 numbers in [0, 1) from a torch generator, drawn in batches but handed out one at a time.
/// torch.rand(k, float64) yields exactly the numbers k calls of torch.rand(1, float64) would (checked by the
/// tests), so batching changes no sample. Disposing rewinds the generator to just after the numbers handed out, so
/// it continues exactly as if they had been drawn one by one. The speed-up is for the makemore command's large sample
/// counts (docs/cli.md) and keeps the notebooks' thousand-word samples quick.
/// </summary>
internal sealed class UniformDraws(Generator generator) : IDisposable
{
    const int FirstBatch = 64;
    const int LargestBatch = 1 << 14;

    Tensor? stateBeforeBatch;
    double[] batch = [];
    int used;
    int nextBatch = FirstBatch;

    public double Next()
    {
        if (used == batch.Length) Refill();
        return batch[used++];
    }

    void Refill()
    {
        stateBeforeBatch?.Dispose();
        stateBeforeBatch = generator.get_state();
        using var draws = rand(nextBatch, dtype: ScalarType.Float64, generator: generator);
        batch = draws.data<double>().ToArray();
        used = 0;
        nextBatch = Math.Min(nextBatch * 2, LargestBatch);
    }

    public void Dispose()
    {
        if (stateBeforeBatch is null) return;
        if (used < batch.Length)
        {
            generator.set_state(stateBeforeBatch);
            if (used > 0) rand(used, dtype: ScalarType.Float64, generator: generator).Dispose();
        }
        stateBeforeBatch.Dispose();
        stateBeforeBatch = null;
    }
}
