namespace Tandem.Matching.Solver;

/// <summary>
/// Baseline: take arcs by score (highest first, ties by mentee then mentor index) while both
/// sides are free. For <see cref="MatchObjective.TotalScore"/> non-positive arcs are skipped.
/// No optimality certificate (<see cref="DualCertificate.None"/>).
/// </summary>
public static class GreedyMatcher
{
    public static MatchResult Solve(ArcProblem p, MatchObjective objective = MatchObjective.MostMatchedThenScore)
    {
        ArcProblemChecks.Validate(p);
        int arcs = p.ArcMentor.Length;
        var order = new int[arcs];
        var menteeOf = new int[arcs];
        for (int i = 0; i < p.MenteeCount; i++)
        {
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++) menteeOf[a] = i;
        }
        for (int a = 0; a < arcs; a++) order[a] = a;
        var scores = p.ArcScore;
        // Arc indices already follow (mentee, position) order, so index breaks ties deterministically.
        Array.Sort(order, (x, y) => scores[x] != scores[y] ? scores[y].CompareTo(scores[x]) : x.CompareTo(y));

        var mentorOf = new int[p.MenteeCount];
        Array.Fill(mentorOf, -1);
        var load = new int[p.MentorCount];
        int matched = 0;
        long total = 0;
        foreach (int a in order)
        {
            if (objective == MatchObjective.TotalScore && scores[a] <= 0) break;
            int i = menteeOf[a], j = p.ArcMentor[a];
            if (mentorOf[i] >= 0 || load[j] >= p.Capacities[j]) continue;
            mentorOf[i] = j;
            load[j]++;
            matched++;
            total += scores[a];
        }
        return new MatchResult(mentorOf, matched, total, DualCertificate.None);
    }
}
