using System.CommandLine;
using Tandem.Matching;

namespace Tandem.Cli;

/// <summary>
/// `tandem match`: one command, several input kinds. Each input kind lives in its own file
/// (<see cref="ArcsMatch"/> for --arcs/--capacities); a new kind (e.g. --cohort cohort.json) adds
/// its options in <see cref="AddInputOptions"/> and a branch in <see cref="Dispatch"/>.
/// </summary>
internal static class MatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("match", "Match mentees to mentors.");
        var shared = new SharedOptions();
        command.Options.Add(shared.Mode);
        command.Options.Add(shared.Objective);
        command.Options.Add(shared.Out);
        var arcs = ArcsMatch.AddInputOptions(command);
        command.Options.Add(CohortMatch.CohortOption);
        command.SetAction(parse => Dispatch(parse, shared, arcs, output, error));
        return command;
    }

    private static int Dispatch(ParseResult parse, SharedOptions shared, ArcsMatch.Options arcs, TextWriter output, TextWriter error)
    {
        var settings = new MatchSettings(
            parse.GetValue(shared.Mode) ?? "optimal",
            parse.GetValue(shared.Objective) == "total" ? MatchObjective.TotalScore : MatchObjective.MostMatchedThenScore,
            parse.GetValue(shared.Out));
        if (arcs.IsUsed(parse)) return ArcsMatch.Run(parse, arcs, settings, output, error);
        if (parse.GetValue(CohortMatch.CohortOption) is { } cohort)
        {
            if (settings.OutPath is null)
            {
                error.WriteLine("error: --cohort needs --out result.json.");
                return 2;
            }
            // Mode and objective of a cohort come from its JSON (see docs/matching-format.md).
            return CohortMatch.Run(cohort.FullName, settings.OutPath, output, error);
        }
        error.WriteLine("error: give --arcs and --capacities, or --cohort and --out.");
        return 2;
    }

    private sealed class SharedOptions
    {
        public Option<string> Mode { get; } = new("--mode")
        {
            Description = "optimal (default) or stable (mentee-proposing deferred acceptance)",
            DefaultValueFactory = _ => "optimal",
        };

        public Option<string> Objective { get; } = new("--objective")
        {
            Description = "matched (default: most pairs, then highest total) or total (highest total)",
            DefaultValueFactory = _ => "matched",
        };

        public Option<string?> Out { get; } = new("--out") { Description = "Where to write the pairs" };

        public SharedOptions()
        {
            Mode.AcceptOnlyFromAmong("optimal", "stable");
            Objective.AcceptOnlyFromAmong("matched", "total");
        }
    }
}

/// <summary>Options every input kind shares.</summary>
internal sealed record MatchSettings(string Mode, MatchObjective Objective, string? OutPath);
