using Tandem.Cli;

namespace Tandem.Matching.Tests.Cli;

public sealed class MatchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tandem-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string OutPath => Path.Combine(_dir, "pairs.csv");

    private (int Code, string Out, string Err) Match(string arcs, string caps = "mentor,capacity\nx,1\ny,1\n", params string[] extra)
        => Run(["match", "--arcs", Write("arcs.csv", arcs), "--capacities", Write("capacities.csv", caps), "--out", OutPath, .. extra]);

    [Fact]
    public void TheMatchCommandMatchesACohortFileIntoAResultFile()
    {
        var result = Path.Combine(_dir, "result.json");
        var (code, output, error) = Run("match", "--cohort", Path.Combine(AppContext.BaseDirectory, "examples", "cohort.json"), "--out", result);
        code.ShouldBe(0, error);
        output.ShouldContain("Optimality certificate verified.");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(result));
        json.RootElement.GetProperty("totals").GetProperty("matched").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void ACohortWithoutAnOutputFileIsRefused()
    {
        var (code, _, error) = Run("match", "--cohort", Path.Combine(AppContext.BaseDirectory, "examples", "cohort.json"));
        code.ShouldBe(2);
        error.ShouldContain("--cohort needs --out");
    }

    [Fact]
    public void HappyPathPrintsTheExactDecimalTotalAndWritesPairsAsGiven()
    {
        var (code, output, error) = Match("mentee,mentor,score\na,x,1.5\nb,x,2\nb,y,2.25\nc,y,-1\n");
        code.ShouldBe(0, error);
        output.TrimEnd().Split('\n')[^1].ShouldBe("matched=2 total=3.75");
        File.ReadAllLines(OutPath).ShouldBe(["mentee,mentor,score", "a,x,1.5", "b,y,2.25"]);
    }

    [Fact]
    public void IntegerTotalsPrintWithoutADecimalPoint()
    {
        var (code, output, _) = Match("mentee,mentor,score\na,x,1.50\nb,y,2.5\n");
        code.ShouldBe(0);
        output.TrimEnd().ShouldEndWith("matched=2 total=4");
        File.ReadAllLines(OutPath)[1].ShouldBe("a,x,1.50");
    }

    [Fact]
    public void TotalObjectiveLeavesANegativePairOut()
    {
        const string arcs = "mentee,mentor,score\na,x,5\nb,y,-0.5\n";
        Match(arcs).Out.TrimEnd().ShouldEndWith("matched=2 total=4.5");
        Match(arcs, extra: ["--objective", "total"]).Out.TrimEnd().ShouldEndWith("matched=1 total=5");
    }

    [Fact]
    public void StableModeMatchesByDeferredAcceptance()
    {
        // a and b both prefer x; x prefers b (higher score); a ends with y.
        var (code, output, _) = Match("mentee,mentor,score\na,x,3\na,y,2.5\nb,x,4\nb,y,0.1\n", extra: ["--mode", "stable"]);
        code.ShouldBe(0);
        output.TrimEnd().ShouldEndWith("matched=2 total=6.5");
    }

    [Theory]
    [InlineData("mentee,mentor\na,x\n", "arcs.csv:1:", "expected header")]
    [InlineData("", "arcs.csv:1:", "missing header")]
    [InlineData("mentee,mentor,score\na,x,1,9\n", "arcs.csv:2:", "expected 3 columns")]
    [InlineData("mentee,mentor,score\na,x,1\nb,x,abc\n", "arcs.csv:3:", "score 'abc' is not a number")]
    [InlineData("mentee,mentor,score\na,z,1\n", "arcs.csv:2:", "mentor 'z' is not in")]
    [InlineData("mentee,mentor,score\na,x,1\na,x,2\n", "arcs.csv:3:", "duplicate arc")]
    [InlineData("mentee,mentor,score\na,x,99999999999999999999\n", "arcs.csv:2:", "does not fit a 64-bit integer")]
    public void MalformedArcsAreRejectedWithFileAndLine(string arcs, string where, string what)
    {
        var (code, _, error) = Match(arcs);
        code.ShouldNotBe(0);
        error.ShouldContain(where);
        error.ShouldContain(what);
        File.Exists(OutPath).ShouldBeFalse();
    }

    [Theory]
    [InlineData("mentor,capacity\nx,1\nx,2\n", "capacities.csv:3:", "duplicate capacity for mentor 'x'")]
    [InlineData("mentor,capacity\nx,-1\n", "capacities.csv:2:", "negative")]
    [InlineData("mentor,capacity\nx,one\n", "capacities.csv:2:", "not a whole number")]
    [InlineData("mentor,cap\nx,1\n", "capacities.csv:1:", "expected header")]
    public void MalformedCapacitiesAreRejectedWithFileAndLine(string caps, string where, string what)
    {
        var (code, _, error) = Match("mentee,mentor,score\na,x,1\n", caps);
        code.ShouldNotBe(0);
        error.ShouldContain(where);
        error.ShouldContain(what);
        File.Exists(OutPath).ShouldBeFalse();
    }

    [Fact]
    public void MissingFileIsReportedByName()
    {
        string missing = Path.Combine(_dir, "nope.csv");
        var (code, _, error) = Run("match", "--arcs", missing, "--capacities", Write("capacities.csv", "mentor,capacity\nx,1\n"), "--out", OutPath);
        code.ShouldNotBe(0);
        error.ShouldContain("nope.csv: file not found");
        File.Exists(OutPath).ShouldBeFalse();
    }

    [Fact]
    public void AFailedRunLeavesAnExistingOutputFileUntouched()
    {
        File.WriteAllText(OutPath, "previous");
        Match("mentee,mentor,score\na,x,oops\n").Code.ShouldNotBe(0);
        File.ReadAllText(OutPath).ShouldBe("previous");
        Directory.GetFiles(_dir, "*.tmp").ShouldBeEmpty();
    }
}
