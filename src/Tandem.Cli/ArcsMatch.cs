using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Cli;

/// <summary>
/// `tandem match --arcs arcs.csv --capacities capacities.csv` (or `--arcs instance.tarc`, the binary
/// form): reads scored pairs, solves, writes pairs.csv and prints `matched=N total=S` last. Decimal
/// scores are scaled exactly to integers by a common power of ten; the reported total is the exact
/// decimal sum of the input texts.
/// </summary>
internal static class ArcsMatch
{
    internal sealed class Options
    {
        public Option<string?> Arcs { get; } = new("--arcs") { Description = "CSV with header mentee,mentor,score, or a binary arc file from `tandem convert`" };
        public Option<string?> Capacities { get; } = new("--capacities") { Description = "CSV with header mentor,capacity" };

        public Option<bool> Timings { get; } = new("--timings") { Description = "Print the time of each phase (read, solve, write) to stderr" };

        public bool IsUsed(ParseResult parse) => parse.GetValue(Arcs) is not null || parse.GetValue(Capacities) is not null;
    }

    public static Options AddInputOptions(Command command)
    {
        var options = new Options();
        command.Options.Add(options.Arcs);
        command.Options.Add(options.Capacities);
        command.Options.Add(options.Timings);
        return options;
    }

    public static int Run(ParseResult parse, Options options, MatchSettings settings, TextWriter output, TextWriter error)
    {
        string? arcsPath = parse.GetValue(options.Arcs), capsPath = parse.GetValue(options.Capacities);
        if (arcsPath is null)
        {
            error.WriteLine("error: --capacities needs --arcs.");
            return 2;
        }
        try
        {
            var clock = Stopwatch.StartNew();
            var input = ArcsInput.Load(arcsPath, capsPath);
            var read = clock.Elapsed;
            var result = WithProgress(error, () => settings.Mode == "stable"
                ? StableMatcher.Solve(input.Problem)
                : OptimalMatcher.Solve(input.Problem, settings.Objective));
            var solved = clock.Elapsed;

            var chosen = new List<int>(result.Matched);
            for (int i = 0; i < input.Problem.MenteeCount; i++)
            {
                if (result.MentorOf[i] >= 0) chosen.Add(input.ArcOf(i, result.MentorOf[i]));
            }
            if (settings.OutPath is { } outPath) WriteAtomically(outPath, input, chosen);
            if (parse.GetValue(options.Timings))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"read {read.TotalMilliseconds:F0} ms, solve {(solved - read).TotalMilliseconds:F0} ms, write {(clock.Elapsed - solved).TotalMilliseconds:F0} ms ({input.Problem.ArcMentor.Length} arcs)"));
            }
            output.WriteLine($"matched={result.Matched} total={input.Total(chosen)}");
            return 0;
        }
        catch (InputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (OverflowException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void WriteAtomically(string path, ArcsInput input, List<int> chosen)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var w = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
            {
                w.Write("mentee,mentor,score\n");
                var p = input.Problem;
                int row = 0;
                foreach (int arc in chosen)
                {
                    while (p.RowStart[row + 1] <= arc) row++;
                    w.Write(CsvReader.Field(input.Mentees.Name(row)));
                    w.Write(',');
                    w.Write(CsvReader.Field(input.Mentors.Name(p.ArcMentor[arc])));
                    w.Write(',');
                    w.Write(input.ScoreText(arc));
                    w.Write('\n');
                }
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A spinner on stderr, only when stderr is a terminal and is the process's own.</summary>
    private static MatchResult WithProgress(TextWriter error, Func<MatchResult> solve)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return solve();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Status().Start("Solving…", _ => solve());
    }
}
