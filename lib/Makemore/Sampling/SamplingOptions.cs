namespace Makemore;

/// <summary>
/// How <see cref="LessonSampler"/> reshapes each next-symbol distribution before its draw, as text generators do. The
/// defaults change nothing, so they give the lesson's words.
/// </summary>
/// <param name="Temperature">
/// T: each probability p becomes p^(1/T), renormalised; in logits, the log-probabilities divided by T. Below 1 the
/// likely symbols get likelier (towards always the most probable one), above 1 the distribution flattens (towards
/// uniform over the symbols the model allows). 1: unchanged.
/// </param>
/// <param name="TopK">
/// K: only the K most probable symbols keep their probability (of equals, those with the lower index), the others
/// get 0. Null, or at least the vocabulary's size: every symbol stays.
/// </param>
public sealed record SamplingOptions(double Temperature = 1, int? TopK = null)
{
    /// <summary>
    /// The rules for the settings, checked here only (sampling checks them, and so can a program before it loads
    /// anything): a positive finite temperature, and a top-k of 1 or more. Throws an <see cref="ArgumentRule"/> exception
    /// naming the setting (Temperature or TopK).
    /// </summary>
    public void Check()
    {
        if (!(double.IsFinite(Temperature) && Temperature > 0))
            throw ArgumentRule.OutOfRange(nameof(Temperature), Temperature, "must be a positive number (1: the model's own probabilities)");
        if (TopK is < 1)
            throw ArgumentRule.OutOfRange(nameof(TopK), TopK, "must be 1 or more (the number of most probable symbols kept)");
    }

    /// <summary>True for the defaults, which leave every distribution exactly as the model gives it.</summary>
    internal bool ChangesNothing => Temperature == 1 && TopK is null;

    /// <summary>
    /// The reshaped probabilities of one row (not renormalised: the sampler's cumulative distribution divides by the
    /// total). Computed in float64 from the largest probability down, so that no temperature overflows.
    /// </summary>
    internal float[] Apply(float[] probabilities)
    {
        if (ChangesNothing) return probabilities;
        var kept = new bool[probabilities.Length];
        if (TopK is { } k && k < probabilities.Length)
        {
            var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i);
            foreach (var i in ranked.Take(k)) kept[i] = true;
        }
        else Array.Fill(kept, true);
        if (Temperature == 1) return [.. probabilities.Select((p, i) => kept[i] ? p : 0f)];
        var logMax = Math.Log(probabilities.Where((_, i) => kept[i]).Max());
        return [.. probabilities.Select((p, i) => kept[i] && p > 0 ? (float)Math.Exp((Math.Log(p) - logMax) / Temperature) : 0f)];
    }
}
