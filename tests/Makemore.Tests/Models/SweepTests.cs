namespace Makemore.Tests.Models;

public class SweepTests
{
    static readonly string[] Train = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia", "ella", "anna", "emily"];
    static readonly string[] Dev = ["bella", "sofia", "mila", "lia"];

    [Fact]
    public void LogSpacedStrengths()
    {
        var ks = Sweep.LogSpaced(0.01, 100, 5);
        Assert.Equal(5, ks.Length);
        Assert.All(ks.Zip([0.01, 0.1, 1, 10, 100]), p => Assert.Equal(p.Second, p.First, 1e-12));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.LogSpaced(0, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.LogSpaced(1, 10, 1));
    }

    [Fact]
    public void SmoothingSweepPicksTheLowestDevLoss()
    {
        var vocabulary = Vocabulary.FromWords([.. Train, .. Dev]);
        double[] ks = [0, .. Sweep.LogSpaced(0.001, 100, 6)];
        var result = Sweep.Smoothing(Train, Dev, vocabulary, order: 3, ks);
        Assert.Equal(ks, result.Points.Select(p => p.Strength));
        // without smoothing the dev set has unseen trigrams: infinitely bad; more smoothing always fits train worse
        Assert.Equal(double.PositiveInfinity, result.Points[0].DevLoss);
        Assert.True(result.Points.Zip(result.Points.Skip(1)).All(p => p.First.TrainLoss < p.Second.TrainLoss));
        Assert.Equal(result.Points.Min(p => p.DevLoss), result.Best.DevLoss);
        Assert.True(result.Best.Strength > 0);
        Assert.Throws<ArgumentException>(() => Sweep.Smoothing(Train, Dev, vocabulary, 3, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sweep.Smoothing(Train, Dev, vocabulary, 3, [-1]));
    }

    [Fact]
    public void BestTreatsNaNAsWorst()
    {
        var result = new SweepResult([new SweepPoint(0, 1, double.NaN), new SweepPoint(1, 2, 3)]);
        Assert.Equal(1, result.Best.Strength);
    }
}
