namespace Makemore;

/// <summary>
/// One sampled word: its characters without the '.' marker, and whether it ended at '.' (false: it was cut off at the
/// sampler's length limit before the model ended it). Callers read the two apart instead of parsing the marker.
/// </summary>
public sealed record Sample(string Word, bool Ended)
{
    /// <summary>The lesson's printed form: the word followed by '.' when it ended ("mor."), the bare word when cut off.</summary>
    public override string ToString() => Ended ? Word + Vocabulary.Boundary : Word;
}
