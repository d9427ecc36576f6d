using Tandem.Cli;

namespace Tandem.Matching.Tests.Cli;

/// <summary>`tandem convert` writes the binary arc file; `tandem match --arcs file.tarc` reads it back.</summary>
public sealed class ArcBinaryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tandem-tarc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private const string ArcsCsv = "mentee,mentor,score\nana,grace,1.5\nana,ines,2\n\"Lee, Bo\",grace,2.25\nchen,ines,-1\nana2,jon,0.75\n";
    private const string CapsCsv = "mentor,capacity\ngrace,1\nines,1\njon,0\n";

    [Fact]
    public void ConvertedFileReadsBackToTheSameProblemAndIds()
    {
        string arcs = Write("arcs.csv", ArcsCsv), caps = Write("caps.csv", CapsCsv), bin = PathOf("cohort.tarc");
        var (code, output, error) = Run("convert", "--arcs", arcs, "--capacities", caps, "--out", bin);
        code.ShouldBe(0, error);
        output.ShouldContain("4 mentees, 3 mentors, 5 arcs");

        var fromCsv = ArcsInput.Load(arcs, caps);
        var fromBin = ArcsInput.Load(bin, null);
        fromBin.Scale.ShouldBe(fromCsv.Scale);
        fromBin.Problem.Capacities.ShouldBe(fromCsv.Problem.Capacities);
        fromBin.Problem.RowStart.ShouldBe(fromCsv.Problem.RowStart);
        fromBin.Problem.ArcMentor.ShouldBe(fromCsv.Problem.ArcMentor);
        fromBin.Problem.ArcScore.ShouldBe(fromCsv.Problem.ArcScore);
        Enumerable.Range(0, 4).Select(fromBin.Mentees.Name).ShouldBe(["ana", "Lee, Bo", "chen", "ana2"]);
        Enumerable.Range(0, 3).Select(fromBin.Mentors.Name).ShouldBe(["grace", "ines", "jon"]);
        // One scale for the whole file: 1.5 prints as 1.50.
        fromBin.ScoreText(0).ShouldBe("1.50");
    }

    [Fact]
    public void MatchingTheBinaryFileGivesTheSameResultAsTheCsv()
    {
        string arcs = Write("arcs.csv", ArcsCsv), caps = Write("caps.csv", CapsCsv), bin = PathOf("cohort.tarc");
        Run("convert", "--arcs", arcs, "--capacities", caps, "--out", bin).Code.ShouldBe(0);
        var csv = Run("match", "--arcs", arcs, "--capacities", caps, "--out", PathOf("a.csv"));
        var binary = Run("match", "--arcs", bin, "--out", PathOf("b.csv"));
        binary.Code.ShouldBe(0, binary.Err);
        binary.Out.ShouldBe(csv.Out);
        csv.Out.TrimEnd().ShouldEndWith("matched=2 total=4.25");
        File.ReadAllLines(PathOf("b.csv")).ShouldBe(["mentee,mentor,score", "ana,ines,2.00", "\"Lee, Bo\",grace,2.25"]);
    }

    [Fact]
    public void ConvertRefusesABadCsvAndWritesNothing()
    {
        string arcs = Write("arcs.csv", "mentee,mentor,score\nana,grace,x\n"), caps = Write("caps.csv", CapsCsv);
        var (code, _, error) = Run("convert", "--arcs", arcs, "--capacities", caps, "--out", PathOf("cohort.tarc"));
        code.ShouldBe(1);
        error.ShouldContain("arcs.csv:2: score 'x' is not a number");
        File.Exists(PathOf("cohort.tarc")).ShouldBeFalse();
        Directory.GetFiles(_dir, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void ABinaryFileWithCapacitiesGivenAsWellIsRefused()
    {
        string arcs = Write("arcs.csv", ArcsCsv), caps = Write("caps.csv", CapsCsv), bin = PathOf("cohort.tarc");
        Run("convert", "--arcs", arcs, "--capacities", caps, "--out", bin);
        var (code, _, error) = Run("match", "--arcs", bin, "--capacities", caps, "--out", PathOf("p.csv"));
        code.ShouldBe(1);
        error.ShouldContain("holds the capacities itself");
        File.Exists(PathOf("p.csv")).ShouldBeFalse();
    }

    public static TheoryData<string, int, byte[], string> Corruptions() => new()
    {
        // (what, byte offset, bytes written there, expected message)
        { "version", 8, [9, 0, 0, 0], "version 9" },
        { "scale", 12, [40, 0, 0, 0], "scale 40 is outside" },
        { "mentee count", 20, [0xFF, 0xFF, 0, 0], "the file is shorter than its header says" },
        { "a negative capacity", 32, [0xFF, 0xFF, 0xFF, 0xFF], "mentor 0: capacity -1 is negative" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void ACorruptedBinaryFileIsRefusedWithAReason(string what, int offset, byte[] bytes, string message)
    {
        string bin = PathOf("cohort.tarc");
        Run("convert", "--arcs", Write("arcs.csv", ArcsCsv), "--capacities", Write("caps.csv", CapsCsv), "--out", bin);
        using (var f = File.OpenWrite(bin))
        {
            f.Position = offset;
            f.Write(bytes);
        }
        var (code, _, error) = Run("match", "--arcs", bin, "--out", PathOf("p.csv"));
        code.ShouldBe(1, what);
        error.ShouldContain("binary arc file: " + message);
        File.Exists(PathOf("p.csv")).ShouldBeFalse();
    }

    [Fact]
    public void ATruncatedBinaryFileIsRefused()
    {
        string bin = PathOf("cohort.tarc");
        Run("convert", "--arcs", Write("arcs.csv", ArcsCsv), "--capacities", Write("caps.csv", CapsCsv), "--out", bin);
        var bytes = File.ReadAllBytes(bin);
        File.WriteAllBytes(bin, bytes[..^5]);
        var (code, _, error) = Run("match", "--arcs", bin, "--out", PathOf("p.csv"));
        code.ShouldBe(1);
        error.ShouldContain("binary arc file:");
    }

    [Fact]
    public void ADuplicateArcInABinaryFileIsRefused()
    {
        string bin = PathOf("cohort.tarc");
        Run("convert", "--arcs", Write("arcs.csv", ArcsCsv), "--capacities", Write("caps.csv", CapsCsv), "--out", bin);
        var bytes = File.ReadAllBytes(bin);
        // The arc mentors follow the row starts; make ana's second arc point at grace again.
        int arcMentors = bytes.Length - 5 * 8 - 5 * 4;
        BitConverter.GetBytes(0).CopyTo(bytes, arcMentors + 4);
        File.WriteAllBytes(bin, bytes);
        var (code, _, error) = Run("match", "--arcs", bin, "--out", PathOf("p.csv"));
        code.ShouldBe(1);
        error.ShouldContain("duplicate arc ana → grace");
    }
}
