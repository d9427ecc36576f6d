using System.CommandLine;

namespace Tandem.Cli;

/// <summary>
/// `tandem convert --arcs arcs.csv --capacities capacities.csv --out instance.tarc`: the two CSV files
/// as one binary arc file (docs/matching-format.md), which `tandem match --arcs` reads without parsing
/// text. The CSV is checked exactly as `tandem match` checks it; nothing is written on an error.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var arcs = new Option<string>("--arcs") { Description = "CSV with header mentee,mentor,score", Required = true };
        var caps = new Option<string>("--capacities") { Description = "CSV with header mentor,capacity", Required = true };
        var outPath = new Option<string>("--out") { Description = "Where to write the binary arc file", Required = true };
        var command = new Command("convert", "Convert arcs.csv + capacities.csv to a binary arc file for `tandem match --arcs`.")
        {
            arcs, caps, outPath,
        };
        command.SetAction(parse =>
        {
            string target = parse.GetValue(outPath)!;
            try
            {
                var input = ArcsInput.Load(parse.GetValue(arcs)!, parse.GetValue(caps));
                string full = Path.GetFullPath(target);
                string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
                try
                {
                    ArcBinary.Write(input, temp);
                    File.Move(temp, full, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }
                output.WriteLine($"wrote {target}: {input.Problem.MenteeCount} mentees, {input.Problem.MentorCount} mentors, {input.Problem.ArcMentor.Length} arcs");
                return 0;
            }
            catch (InputException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
