using System.CommandLine;
using System.Text.Json;
using Tandem.Matching.Cohorts;

namespace Tandem.Cli;

/// <summary><c>tandem match --cohort cohort.json --out result.json</c>: a whole cohort, file in, file out.
/// Any problem with the input is reported as file, place and problem; no output file is written then.</summary>
internal static class CohortMatch
{
    public const int Ok = 0, InvalidInput = 1, Failed = 3;

    /// <summary>The <c>--cohort</c> option of <c>tandem match</c>. Wiring: add it to the match command, and in its
    /// action, when it has a value, return <see cref="Run"/> with the command's <c>--out</c> path.</summary>
    public static Option<FileInfo> CohortOption { get; } = new("--cohort")
    {
        Description = "A cohort JSON file (profiles, weights, rules, locks; see docs/matching-format.md) to match with explanations.",
    };

    public static int Run(string cohortPath, string outPath, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        string json;
        try
        {
            json = File.ReadAllText(cohortPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{cohortPath}: cannot read the cohort file: {e.Message}");
            return InvalidInput;
        }

        CohortInput? input;
        try
        {
            input = CohortJson.ReadInput(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"({line + 1},{(e.BytePositionInLine ?? 0) + 1})" : "";
            stderr.WriteLine($"{cohortPath}{where}: {e.Path ?? "$"}: {FirstSentence(e.Message)}");
            return InvalidInput;
        }
        if (input is null)
        {
            stderr.WriteLine($"{cohortPath}: $: the file holds null; expected a cohort object.");
            return InvalidInput;
        }

        var result = CohortMatcher.Match(input, ct);
        if (!result.Valid)
        {
            foreach (var error in result.Errors)
                stderr.WriteLine($"{cohortPath}: {error.Path}: {error.Message}");
            stderr.WriteLine($"{result.Errors.Count} problem(s); nothing was matched and {outPath} was not written.");
            return InvalidInput;
        }

        // Write next to the target first so a failed write never leaves half a result behind.
        var temp = outPath + ".tmp";
        File.WriteAllText(temp, CohortJson.Write(result));
        File.Move(temp, outPath, overwrite: true);

        var t = result.Totals!;
        stdout.WriteLine($"Matched {t.Matched} of {t.Mentees} mentees ({result.Mode}, {result.Objective}): total score {t.TotalScore:0.###}, mean {t.MeanScore:0.###}.");
        stdout.WriteLine($"{result.UnmatchedMentees.Count} mentee(s) and {result.UnmatchedMentors.Count} mentor(s) unmatched, each explained in {outPath}.");
        stdout.WriteLine(t.Certificate.Verified ? "Optimality certificate verified." : $"Optimality certificate NOT verified: {t.Certificate.Detail}");
        return t.Certificate.Verified ? Ok : Failed;
    }

    // System.Text.Json appends "Path: … | LineNumber: …" to its messages; we print those ourselves.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
