using System.Globalization;
using System.Text;
using Tandem.Matching;

namespace Tandem.Benchmarks;

/// <summary>
/// The synthetic top-k instances as the files `tandem match --arcs` and the reference harnesses read:
/// arcs.csv (mentee,mentor,score; grouped by mentee) and capacities.csv (mentor,capacity).
/// Mentee ids are e0.., mentor ids r0..; scores are integers.
/// </summary>
internal static class ArcFiles
{
    public sealed record Instance(string Name, string Arcs, string Capacities, int Mentees, int Mentors, long ArcCount);

    /// <summary>Writes (or reuses, when present and complete) the instance files under <paramref name="dir"/>.</summary>
    public static Instance Ensure(string dir, int mentees, int mentors, int k = 50)
    {
        string name = $"{mentees / 1000}k-{mentors / 1000}k-top{k}";
        string arcs = Path.Combine(dir, name + ".arcs.csv"), caps = Path.Combine(dir, name + ".capacities.csv");
        string done = Path.Combine(dir, name + ".done");
        if (File.Exists(done))
            return new Instance(name, arcs, caps, mentees, mentors, long.Parse(File.ReadAllText(done), CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var problem = new SyntheticPairSource(mentees, mentors).TopArcs(k, Environment.ProcessorCount);
        Write(problem, arcs, caps);
        File.WriteAllText(done, problem.ArcMentor.Length.ToString(CultureInfo.InvariantCulture));
        return new Instance(name, arcs, caps, mentees, mentors, problem.ArcMentor.Length);
    }

    public static void Write(ArcProblem p, string arcsPath, string capsPath)
    {
        using (var w = new StreamWriter(capsPath, false, new UTF8Encoding(false), 1 << 16))
        {
            w.Write("mentor,capacity\n");
            for (int j = 0; j < p.MentorCount; j++) w.Write(string.Create(CultureInfo.InvariantCulture, $"r{j},{p.Capacities[j]}\n"));
        }
        using (var w = new StreamWriter(arcsPath, false, new UTF8Encoding(false), 1 << 20))
        {
            w.Write("mentee,mentor,score\n");
            var sb = new StringBuilder();
            for (int i = 0; i < p.MenteeCount; i++)
            {
                sb.Clear();
                for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
                    sb.Append(CultureInfo.InvariantCulture, $"e{i},r{p.ArcMentor[a]},{p.ArcScore[a]}\n");
                w.Write(sb);
            }
        }
    }
}
