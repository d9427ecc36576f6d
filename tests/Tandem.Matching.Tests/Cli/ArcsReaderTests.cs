using System.Text;
using Tandem.Cli;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Cli;

/// <summary>The span-based CSV reader of `tandem match --arcs`: what it accepts, and how it names bad lines.</summary>
public sealed class ArcsReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tandem-arcs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, bool bom = false)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    private string Caps(string text = "mentor,capacity\nx,1\ny,1\n") => Write("capacities.csv", text);

    private ArcsInput Load(string arcs, string? caps = null) => ArcsInput.Load(Write("arcs.csv", arcs), Caps(caps ?? "mentor,capacity\nx,1\ny,1\n"));

    private static (int Mentee, int Mentor, long Score)[] Arcs(ArcsInput input)
    {
        var p = input.Problem;
        var list = new List<(int, int, long)>();
        for (int i = 0; i < p.MenteeCount; i++)
        {
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++) list.Add((i, p.ArcMentor[a], p.ArcScore[a]));
        }
        return [.. list];
    }

    [Fact]
    public void BlankLinesCrlfAndAByteOrderMarkAreAccepted()
    {
        string arcs = Write("arcs.csv", "mentee,mentor,score\r\n\r\na,x,3\r\n   \r\nb,y,4\r\n\r\n", bom: true);
        var input = ArcsInput.Load(arcs, Write("capacities.csv", "mentor,capacity\r\nx,1\r\ny,2", bom: true));
        Arcs(input).ShouldBe([(0, 0, 3L), (1, 1, 4L)]);
        input.Problem.Capacities.ShouldBe([1, 2]);
        input.Mentees.Name(1).ShouldBe("b");
    }

    [Fact]
    public void IntegerScoresStayUnscaled()
    {
        var input = Load("mentee,mentor,score\na,x,-7\na,y,12\n");
        input.Scale.ShouldBe(0);
        input.Decimals.ShouldBeNull();
        Arcs(input).ShouldBe([(0, 0, -7L), (0, 1, 12L)]);
    }

    [Fact]
    public void DecimalScoresAreScaledByTheLargestNumberOfPlacesAndPrintBackAsWritten()
    {
        var input = Load("mentee,mentor,score\na,x,1.5\na,y,-0.25\nb,x,3\n");
        input.Scale.ShouldBe(2);
        Arcs(input).ShouldBe([(0, 0, 150L), (0, 1, -25L), (1, 0, 300L)]);
        Enumerable.Range(0, 3).Select(input.ScoreText).ShouldBe(["1.5", "-0.25", "3"]);
        input.Total([0, 1, 2]).ShouldBe("4.25");
    }

    [Fact]
    public void ScoresWrittenUnusuallyPrintBackVerbatim()
    {
        var input = Load("mentee,mentor,score\na,x,+5\na,y,.5\nb,x,007\nb,y,-0\nc,x,2.\n");
        Enumerable.Range(0, 5).Select(input.ScoreText).ShouldBe(["+5", ".5", "007", "-0", "2."]);
        Arcs(input).Select(a => a.Score).ShouldBe([50L, 5L, 70L, 0L, 20L]);
    }

    [Fact]
    public void QuotedFieldsMayHoldCommasAndQuotes()
    {
        var input = Load("mentee,mentor,score\n\"Lee, Ana\",\"x\",\"2\"\n\"say \"\"hi\"\"\",y,1\n");
        input.Mentees.Name(0).ShouldBe("Lee, Ana");
        input.Mentees.Name(1).ShouldBe("say \"hi\"");
        Arcs(input).ShouldBe([(0, 0, 2L), (1, 1, 1L)]);
    }

    [Fact]
    public void FieldsAreTrimmedAndTheHeaderIsCaseInsensitive()
    {
        var input = Load("Mentee , MENTOR,score\n a ,\tx , 4 \n");
        Arcs(input).ShouldBe([(0, 0, 4L)]);
        input.Mentees.Name(0).ShouldBe("a");
    }

    [Fact]
    public void AMenteeWhoseLinesAreSpreadOutIsGroupedInFileOrder()
    {
        var input = Load("mentee,mentor,score\na,x,1\nb,x,2\na,y,3\n");
        Arcs(input).ShouldBe([(0, 0, 1L), (0, 1, 3L), (1, 0, 2L)]);
        input.Problem.RowStart.ShouldBe([0, 2, 3]);
    }

    [Fact]
    public void MentorIdsAreMatchedByTheirExactUtf8Bytes()
    {
        var input = Load("mentee,mentor,score\n李,张伟,2\n", "mentor,capacity\nzhang,1\n张伟,1\n");
        Arcs(input).ShouldBe([(0, 1, 2L)]);
        input.Mentees.Name(0).ShouldBe("李");
    }

    [Theory]
    [InlineData("mentee,mentor,score\na,x,1\nb,x,2\na,x,3\n", "arcs.csv:4:", "duplicate arc a → x")]
    [InlineData("mentee,mentor,score\na,x,1\n\na,x,3\n", "arcs.csv:4:", "duplicate arc a → x")]
    [InlineData("mentee,mentor,score\na,x,1\n\nb,y,1.5.2\n", "arcs.csv:4:", "score '1.5.2' is not a number")]
    [InlineData("mentee,mentor,score\na,x,1e5\n", "arcs.csv:2:", "score '1e5' is not a number")]
    [InlineData("mentee,mentor,score\na,x,\n", "arcs.csv:2:", "score '' is not a number")]
    [InlineData("mentee,mentor,score\na,x,-\n", "arcs.csv:2:", "score '-' is not a number")]
    [InlineData("mentee,mentor,score\r\na,x,1\r\nb,y,12a\r\n", "arcs.csv:3:", "score '12a' is not a number")]
    [InlineData("mentee,mentor,score\na,x,0.0000000000000000001\n", "arcs.csv:2:", "at most 18 are supported")]
    [InlineData("mentee,mentor,score\na,x,1.5\nb,y,999999999999999999\n", "arcs.csv:3:", "scaled by 10^1")]
    [InlineData("mentee,mentor,score\na,x,\"1\n", "arcs.csv:2:", "unterminated quoted field")]
    [InlineData("mentee,mentor,score\n,x,1\n", "arcs.csv:2:", "empty mentee id")]
    [InlineData("mentee,mentor,score\na,x\n", "arcs.csv:2:", "expected 3 columns")]
    public void BadLinesAreNamedByFileAndLine(string arcs, string where, string what)
    {
        var e = Should.Throw<InputException>(() => Load(arcs));
        e.Message.ShouldContain(where);
        e.Message.ShouldContain(what);
    }

    [Fact]
    public void ScaledMatchesTheOptimumOfTheSameInstanceWithIntegerScores()
    {
        // Scaling by a common power of ten must not change which pairs are best.
        var decimals = Load("mentee,mentor,score\na,x,0.3\na,y,0.25\nb,x,0.31\nb,y,0.1\n");
        var integers = Load("mentee,mentor,score\na,x,30\na,y,25\nb,x,31\nb,y,10\n");
        var r1 = OptimalMatcher.Solve(decimals.Problem, MatchObjective.TotalScore, TestContext.Current.CancellationToken);
        var r2 = OptimalMatcher.Solve(integers.Problem, MatchObjective.TotalScore, TestContext.Current.CancellationToken);
        r1.MentorOf.ShouldBe(r2.MentorOf);
        r1.TotalScore.ShouldBe(r2.TotalScore);
    }

    [Fact]
    public void ALongFileIsReadAcrossBufferBoundaries()
    {
        // More than one 1 MiB chunk, with ids long enough that lines straddle the chunk edges.
        var sb = new StringBuilder("mentee,mentor,score\n");
        int n = 40_000;
        for (int i = 0; i < n; i++) sb.Append("mentee-with-a-long-name-").Append(i).Append(",x,").Append(i % 97).Append('\n');
        var input = Load(sb.ToString(), "mentor,capacity\nx,3\n");
        input.Problem.MenteeCount.ShouldBe(n);
        input.Mentees.Name(n - 1).ShouldBe($"mentee-with-a-long-name-{n - 1}");
        input.Problem.ArcScore.Sum().ShouldBe(Enumerable.Range(0, n).Sum(i => (long)(i % 97)));
    }
}
