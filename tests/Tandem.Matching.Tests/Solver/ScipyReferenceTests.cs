using System.Diagnostics;
using System.Text.Json;
using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

/// <summary>Medium random instances against scipy's linear_sum_assignment (an independent exact method).</summary>
public sealed class ScipyReferenceTests
{
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData(MatchObjective.MostMatchedThenScore)]
    [InlineData(MatchObjective.TotalScore)]
    public void OptimalMatcherAgreesWithScipyOnMediumInstances(MatchObjective objective)
    {
        // Without the reference there is nothing to compare against: fail, never pass silently.
        if (!ScipyAvailable(out string why))
            Assert.Fail($"The scipy reference cannot run: {why}. Install it with `apt-get install python3-scipy` (or run tools/test as root).");
        var problems = Enumerable.Range(100, 24)
            .Select(seed => Instances.Random(seed, mentees: 40 + seed % 80, mentors: 6 + seed % 15, density: 0.15 + seed % 5 * 0.1, -50, 200, maxCap: 4))
            .ToList();
        var expected = RunScipy(problems, objective);

        for (int k = 0; k < problems.Count; k++)
        {
            foreach (bool mentorSide in new[] { false, true })
            {
                var r = OptimalMatcher.Solve(problems[k], objective, mentorSide, TestContext.Current.CancellationToken);
                if (objective == MatchObjective.MostMatchedThenScore) r.Matched.ShouldBe(expected[k].Matched, $"instance {k}");
                r.TotalScore.ShouldBe(expected[k].Total, $"instance {k}, mentorSide {mentorSide}");
                CertificateChecker.Check(problems[k], r, objective).Ok.ShouldBeTrue();
            }
        }
    }

    private static List<(int Matched, long Total)> RunScipy(List<ArcProblem> problems, MatchObjective objective)
    {
        string dir = Directory.CreateTempSubdirectory("tandem-scipy-").FullName;
        try
        {
            string input = Path.Combine(dir, "instances.json");
            var json = problems.Select(p => new
            {
                n = p.MenteeCount,
                m = p.MentorCount,
                caps = p.Capacities,
                objective = objective == MatchObjective.TotalScore ? "total" : "matched",
                arcs = Enumerable.Range(0, p.MenteeCount)
                    .SelectMany(i => Enumerable.Range(p.RowStart[i], p.RowStart[i + 1] - p.RowStart[i])
                        .Select(a => new long[] { i, p.ArcMentor[a], p.ArcScore[a] }))
                    .ToArray(),
            });
            File.WriteAllText(input, JsonSerializer.Serialize(json));
            string script = Path.Combine(AppContext.BaseDirectory, "Solver", "scipy_reference.py");
            var (code, stdout, stderr) = Exec(Python, script, input);
            code.ShouldBe(0, stderr);
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .Select(f => (int.Parse(f[0]), long.Parse(f[1])))
                .ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool ScipyAvailable(out string why)
    {
        if (!File.Exists(Python)) { why = $"{Python} not found"; return false; }
        var (code, _, stderr) = Exec(Python, "-c", "import scipy.optimize, numpy");
        why = code == 0 ? "" : $"python3 cannot import scipy: {stderr.Trim()}";
        return code == 0;
    }

    private static (int Code, string Out, string Err) Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
