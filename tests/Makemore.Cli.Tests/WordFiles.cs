namespace Makemore.Cli.Tests;

/// <summary>A temporary folder for the small word lists and model files a test writes; deleted afterwards.</summary>
public sealed class WordFiles : IDisposable
{
    /// <summary>48 short made-up words over a small alphabet: enough for an 80/10/10 split, quick to train on.</summary>
    public const string Small = """
        bala
        bali
        balo
        bana
        bani
        belo
        bena
        beni
        bilo
        bina
        dala
        dali
        dano
        deli
        dena
        dilo
        dina
        dino
        kala
        kali
        kalo
        kana
        kani
        keli
        kena
        kilo
        kina
        lala
        lali
        lano
        leli
        lena
        lilo
        lina
        mala
        mali
        malo
        mana
        mani
        meli
        mena
        milo
        mina
        mino
        nala
        nali
        nena
        nilo
        """;

    readonly TempFolder folder = new("makemore-cli-test-");

    public string Folder => folder.Path;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns the name.</summary>
    public string Write(string name, string text)
    {
        folder.Write(name, text);
        return name;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        File.WriteAllBytes(folder[name], bytes);
        return name;
    }

    public string PathOf(string name) => folder[name];

    public Run Makemore(params string[] args) => MakemoreProcess.Run(Folder, args);

    public void Dispose() => folder.Dispose();
}
