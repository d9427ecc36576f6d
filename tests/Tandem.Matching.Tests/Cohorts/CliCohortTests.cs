using System.Text.Json;
using Tandem.Cli;
using Tandem.Matching.Cohorts;

namespace Tandem.Matching.Tests.Cohorts;

public sealed class CliCohortTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tandem-cohort-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Example => Path.Combine(AppContext.BaseDirectory, "examples", "cohort.json");

    private (int Code, string Out, string Err) Run(string cohort, string output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CohortMatch.Run(cohort, output, stdout, stderr, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void MatchingTheExampleCohortWritesAnExplainedResult()
    {
        var output = Path.Combine(_dir, "result.json");
        var (code, stdout, stderr) = Run(Example, output);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("Optimality certificate verified.");
        var result = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(output));
        result.GetProperty("totals").GetProperty("matched").GetInt32().ShouldBe(3);
        var pairs = result.GetProperty("pairs").EnumerateArray()
            .Select(p => (p.GetProperty("menteeId").GetString(), p.GetProperty("mentorId").GetString())).ToList();
        // chen meets in person in Oslo and had ines before, so only grace is left for her; ana gets her #2.
        pairs.ShouldBe([("ana", "ines"), ("bo", "ines"), ("chen", "grace")]);
        // dag asks for a mentor of the same gender but gives none: nobody is allowed.
        var dag = result.GetProperty("unmatchedMentees").EnumerateArray().Single();
        dag.GetProperty("menteeId").GetString().ShouldBe("dag");
        var first = dag.GetProperty("excluded").EnumerateArray().First();
        first.GetProperty("reason").GetString().ShouldBe("menteeGenderPreference");
        first.GetProperty("count").GetInt32().ShouldBe(3);
        first.GetProperty("exampleMessage").GetString().ShouldBe("Mentee asks for the same gender, but the mentee's own gender is unknown.");
        dag.GetProperty("alternatives").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void MalformedJsonIsReportedWithFileLineAndPathAndWritesNothing()
    {
        var cohort = Path.Combine(_dir, "cohort.json");
        File.WriteAllText(cohort, "{\n  \"mentees\": [\n    { \"id\": \"a\", \"seniority\": \"guru\" }\n  ]\n}\n");
        var output = Path.Combine(_dir, "result.json");
        var (code, _, stderr) = Run(cohort, output);
        code.ShouldBe(1);
        stderr.ShouldStartWith($"{cohort}(3,");
        stderr.ShouldContain("$.mentees[0].seniority");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void TruncatedJsonIsReportedAndWritesNothing()
    {
        var cohort = Path.Combine(_dir, "cohort.json");
        File.WriteAllText(cohort, File.ReadAllText(Example)[..200]);
        var output = Path.Combine(_dir, "result.json");
        var (code, _, stderr) = Run(cohort, output);
        code.ShouldBe(1);
        stderr.ShouldStartWith(cohort + "(");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void InvalidCohortsListEveryProblemAndWriteNothing()
    {
        var input = CohortJson.ReadInput(File.ReadAllText(Example))!;
        var cohort = Path.Combine(_dir, "cohort.json");
        File.WriteAllText(cohort, CohortJson.Write(input with { Locked = [new("dag", "grace")], Forbidden = [new("ana", "nobody")] }));
        var output = Path.Combine(_dir, "result.json");
        var (code, _, stderr) = Run(cohort, output);
        code.ShouldBe(1);
        stderr.ShouldContain($"{cohort}: $.forbidden[0].mentorId: unknown mentor id 'nobody'.");
        stderr.ShouldContain("was not written");
        File.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"mentees":[{"id":"a"}],"mentors":[{"id":"x"}],"previousPairs":[{"menteeId":null,"mentorId":"x"}]}""", "$.previousPairs[0]")]
    [InlineData("""{"mentees":[{"id":"a"}],"mentors":[{"id":"x"}],"previousPairs":[null]}""", "$.previousPairs[0]")]
    [InlineData("""{"mentees":[null],"mentors":[{"id":"x"}]}""", "$.mentees[0]")]
    [InlineData("""{"mentees":[{"id":"a","languages":[null]}],"mentors":[{"id":"x"}]}""", "$.mentees[0].languages[0]")]
    [InlineData("""{"mentees":[{"id":"a"}],"mentors":[{"id":"x","tracks":null}]}""", "$.mentors[0].tracks")]
    [InlineData("""{"mentees":[{}]}""", "$.mentees[0]")]
    [InlineData("""{"mentees":[{"id":"a","personality":[1,2,3,4,"x"]}]}""", "$.mentees[0].personality[4]")]
    [InlineData("""{"weights":{"goals":"NaN"}}""", "$.weights.goals")]
    [InlineData("""[]""", "$")]
    [InlineData("""{"mentees":[{"id":"a","rankedMentors":[null]}],"mentors":[{"id":"x"}]}""", "$.mentees[0].rankedMentors[0]")]
    [InlineData("""{"mentees":[{"id":"a","interests":[null]}],"mentors":[{"id":"x"}]}""", "$.mentees[0].interests[0]")]
    [InlineData("""{"mentees":[{"id":"a","goals":null}],"mentors":[{"id":"x"}]}""", "$.mentees[0].goals")]
    [InlineData("""{"mentees":[{"id":"a"}],"mentors":[{"id":"x"}],"locked":[{"menteeId":"a"}]}""", "$.locked[0]")]
    [InlineData("""{"colour":"blue"}""", "$.colour")]
    [InlineData("""null""", "$")]
    public void MalformedCohortsAreRejectedWithThePathAndNoOutput(string json, string path)
    {
        var cohort = Path.Combine(_dir, "cohort.json");
        File.WriteAllText(cohort, json);
        var output = Path.Combine(_dir, "result.json");
        var (code, _, stderr) = Run(cohort, output);
        code.ShouldBe(1, stderr);
        stderr.ShouldStartWith(cohort);
        stderr.ShouldContain(path);
        File.Exists(output).ShouldBeFalse();
    }
}
