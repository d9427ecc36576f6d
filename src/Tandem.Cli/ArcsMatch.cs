using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Cli;

/// <summary>
/// `tandem match --arcs arcs.csv --capacities capacities.csv`: reads scored pairs, solves, writes
/// pairs.csv and prints `matched=N total=S` last. Decimal scores are scaled exactly to integers
/// by a common power of ten; the reported total is the exact decimal sum of the input texts.
/// </summary>
internal static class ArcsMatch
{
    internal sealed class Options
    {
        public Option<string?> Arcs { get; } = new("--arcs") { Description = "CSV with header mentee,mentor,score" };
        public Option<string?> Capacities { get; } = new("--capacities") { Description = "CSV with header mentor,capacity" };

        public bool IsUsed(ParseResult parse) => parse.GetValue(Arcs) is not null || parse.GetValue(Capacities) is not null;
    }

    public static Options AddInputOptions(Command command)
    {
        var options = new Options();
        command.Options.Add(options.Arcs);
        command.Options.Add(options.Capacities);
        return options;
    }

    public static int Run(ParseResult parse, Options options, MatchSettings settings, TextWriter output, TextWriter error)
    {
        string? arcsPath = parse.GetValue(options.Arcs), capsPath = parse.GetValue(options.Capacities);
        if (arcsPath is null || capsPath is null)
        {
            error.WriteLine("error: --arcs and --capacities must be given together.");
            return 2;
        }
        try
        {
            var input = ArcsInput.Load(arcsPath, capsPath);
            var result = WithProgress(error, () => settings.Mode == "stable"
                ? StableMatcher.Solve(input.Problem)
                : OptimalMatcher.Solve(input.Problem, settings.Objective));

            decimal total = 0;
            var lines = new List<string>();
            for (int i = 0; i < input.Problem.MenteeCount; i++)
            {
                int j = result.MentorOf[i];
                if (j < 0) continue;
                int arc = input.ArcOf(i, j);
                total += input.ScoreValue[arc];
                lines.Add($"{CsvInput.Field(input.MenteeIds[i])},{CsvInput.Field(input.MentorIds[j])},{input.ScoreText[arc]}");
            }
            if (settings.OutPath is { } outPath) WriteAtomically(outPath, lines);
            output.WriteLine($"matched={result.Matched} total={Format(total)}");
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

    /// <summary>Exact decimal, integers without a decimal point, no trailing zeros.</summary>
    internal static string Format(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    private static void WriteAtomically(string path, List<string> lines)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var w = new StreamWriter(temp))
            {
                w.WriteLine("mentee,mentor,score");
                foreach (string line in lines) w.WriteLine(line);
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

/// <summary>arcs.csv + capacities.csv parsed into an <see cref="ArcProblem"/>.</summary>
internal sealed class ArcsInput
{
    public required ArcProblem Problem { get; init; }
    public required List<string> MenteeIds { get; init; }
    public required List<string> MentorIds { get; init; }
    public required string[] ScoreText { get; init; }
    public required decimal[] ScoreValue { get; init; }

    public int ArcOf(int mentee, int mentor)
    {
        for (int a = Problem.RowStart[mentee]; a < Problem.RowStart[mentee + 1]; a++)
        {
            if (Problem.ArcMentor[a] == mentor) return a;
        }
        throw new InvalidOperationException("Matched pair without an arc.");
    }

    public static ArcsInput Load(string arcsPath, string capsPath)
    {
        var mentorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentorIds = new List<string>();
        var caps = new List<int>();
        foreach (var (line, f) in CsvInput.Read(capsPath, ["mentor", "capacity"]))
        {
            if (f[0].Length == 0) throw new InputException(capsPath, line, "empty mentor id");
            if (!int.TryParse(f[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int cap))
                throw new InputException(capsPath, line, $"capacity '{f[1]}' is not a whole number");
            if (cap < 0) throw new InputException(capsPath, line, $"capacity {cap} is negative");
            if (!mentorIndex.TryAdd(f[0], mentorIds.Count))
                throw new InputException(capsPath, line, $"duplicate capacity for mentor '{f[0]}'");
            mentorIds.Add(f[0]);
            caps.Add(cap);
        }

        var menteeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var menteeIds = new List<string>();
        var seen = new HashSet<(int, int)>();
        var arcMentee = new List<int>();
        var arcMentor = new List<int>();
        var texts = new List<string>();
        var values = new List<decimal>();
        var lineOf = new List<int>();
        int scale = 0;
        foreach (var (line, f) in CsvInput.Read(arcsPath, ["mentee", "mentor", "score"]))
        {
            if (f[0].Length == 0) throw new InputException(arcsPath, line, "empty mentee id");
            if (!mentorIndex.TryGetValue(f[1], out int j))
                throw new InputException(arcsPath, line, $"mentor '{f[1]}' is not in {capsPath}");
            if (!decimal.TryParse(f[2], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal score))
                throw new InputException(arcsPath, line, $"score '{f[2]}' is not a number");
            if (!menteeIndex.TryGetValue(f[0], out int i))
            {
                i = menteeIds.Count;
                menteeIndex.Add(f[0], i);
                menteeIds.Add(f[0]);
            }
            if (!seen.Add((i, j))) throw new InputException(arcsPath, line, $"duplicate arc {f[0]} → {f[1]}");
            scale = Math.Max(scale, score.Scale);
            arcMentee.Add(i);
            arcMentor.Add(j);
            texts.Add(f[2]);
            values.Add(score);
            lineOf.Add(line);
        }

        // CSR by mentee, arcs of a mentee in input order.
        int n = menteeIds.Count, arcs = arcMentee.Count;
        var rowStart = new int[n + 1];
        foreach (int i in arcMentee) rowStart[i + 1]++;
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        var fill = (int[])rowStart.Clone();
        var mentorOfArc = new int[arcs];
        var scaled = new long[arcs];
        var textOfArc = new string[arcs];
        var valueOfArc = new decimal[arcs];
        decimal factor = Pow10(scale, arcsPath);
        for (int k = 0; k < arcs; k++)
        {
            int a = fill[arcMentee[k]]++;
            mentorOfArc[a] = arcMentor[k];
            textOfArc[a] = texts[k];
            valueOfArc[a] = values[k];
            decimal s;
            try { s = values[k] * factor; }
            catch (OverflowException) { s = decimal.MaxValue; }
            if (s > long.MaxValue / 4 || s < -(long.MaxValue / 4))
                throw new InputException(arcsPath, lineOf[k],
                    $"score '{texts[k]}' scaled by 10^{scale} (to make every score an integer) does not fit a 64-bit integer");
            scaled[a] = (long)s;
        }
        return new ArcsInput
        {
            Problem = new ArcProblem
            {
                MenteeCount = n, MentorCount = mentorIds.Count, Capacities = [.. caps],
                RowStart = rowStart, ArcMentor = mentorOfArc, ArcScore = scaled,
            },
            MenteeIds = menteeIds, MentorIds = mentorIds, ScoreText = textOfArc, ScoreValue = valueOfArc,
        };
    }

    private static decimal Pow10(int scale, string path)
    {
        if (scale > 18) throw new InputException(path, 0, $"scores have {scale} decimal places; at most 18 are supported");
        decimal f = 1;
        for (int k = 0; k < scale; k++) f *= 10;
        return f;
    }
}
