using System.Globalization;
using System.Text;
using Makemore.Cli;

// Words in any alphabet print as themselves, and numbers look the same everywhere (and in the README).
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return MakemoreCommand.Run(args);
