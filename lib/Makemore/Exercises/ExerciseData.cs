namespace Makemore.Exercises;

/// <summary>
/// The data every exercise check computes its right values and its mistakes from: the lesson's names.txt, its
/// vocabulary and the exercises' seeded 80/10/10 split, each made once per process. The try-it notebooks set up the
/// same three (their set-up cell), so a check compares the learner's number with one made from exactly their data.
/// </summary>
internal static class ExerciseData
{
    static readonly Lazy<IReadOnlyList<string>> LoadedNames = new(() => WordList.LoadNames());
    static readonly Lazy<Vocabulary> LoadedVocabulary = new(() => Vocabulary.FromWords(Names));
    static readonly Lazy<DataSplit> LoadedSplit = new(() => DataSplit.Of(Names, DataSplit.DefaultSeed));

    public static IReadOnlyList<string> Names => LoadedNames.Value;
    public static Vocabulary Vocabulary => LoadedVocabulary.Value;
    /// <summary>The split the exercises use: <see cref="DataSplit.Of"/> with its default seed, 42.</summary>
    public static DataSplit Split => LoadedSplit.Value;
}
