using System.Diagnostics;
using Google.OrTools.Graph;
using Tandem.Matching;

namespace Tandem.Benchmarks;

/// <summary>
/// OR-Tools on the same arc problem and objective as ours (w' = score + BigM, "most matched, then
/// score"), in process. Build (one P/Invoke per arc) and solve are timed apart.
/// </summary>
internal static class OrToolsReference
{
    public sealed record Outcome(string Solver, double BuildMs, double SolveMs, long Matched, long Total, long Arcs, string Note);

    /// <summary>Source → mentee (1) → mentor (1, cost −w') → sink (capacity), plus source → sink so a mentee may stay out.</summary>
    public static Outcome MinCostFlowSolve(ArcProblem p, long bigM)
    {
        var clock = Stopwatch.StartNew();
        int n = p.MenteeCount, m = p.MentorCount;
        int s = 0, t = 1;
        var flow = new Google.OrTools.Graph.MinCostFlow();
        for (int i = 0; i < n; i++) flow.AddArcWithCapacityAndUnitCost(s, 2 + i, 1, 0);
        int first = -1;
        for (int i = 0; i < n; i++)
        {
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
            {
                int arc = flow.AddArcWithCapacityAndUnitCost(2 + i, 2 + n + p.ArcMentor[a], 1, -(p.ArcScore[a] + bigM));
                if (first < 0) first = arc;
            }
        }
        for (int j = 0; j < m; j++) flow.AddArcWithCapacityAndUnitCost(2 + n + j, t, p.Capacities[j], 0);
        flow.AddArcWithCapacityAndUnitCost(s, t, n, 0);
        flow.SetNodeSupply(s, n);
        flow.SetNodeSupply(t, -n);
        double build = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var status = flow.Solve();
        double solve = clock.Elapsed.TotalMilliseconds;
        if (status != Google.OrTools.Graph.MinCostFlow.Status.OPTIMAL) return new Outcome("OR-Tools SimpleMinCostFlow", build, solve, -1, 0, flow.NumArcs(), status.ToString());
        long matched = 0, total = 0;
        for (int a = 0; a < p.ArcMentor.Length; a++)
        {
            if (flow.Flow(first + a) <= 0) continue;
            matched++;
            total += p.ArcScore[a];
        }
        return new Outcome("OR-Tools SimpleMinCostFlow", build, solve, matched, total, flow.NumArcs(), "");
    }

    /// <summary>
    /// LinearSumAssignment wants a perfect matching between equal sides, so the b-matching is doubled:
    /// left = mentees + one copy per mentor place, right = mentor places + one copy per mentee. A mentee
    /// takes a place (cost −w') or its own copy (0); a place's copy takes the place itself (0) or the copy
    /// of a mentee with an arc to it (0). Every matching extends to a perfect one at the same cost.
    /// </summary>
    public static Outcome LinearSumAssignment(ArcProblem p, long bigM)
    {
        var clock = Stopwatch.StartNew();
        int n = p.MenteeCount, m = p.MentorCount;
        var colSize = new int[m];
        foreach (int j in p.ArcMentor) colSize[j]++;
        var firstSlot = new int[m + 1];
        for (int j = 0; j < m; j++) firstSlot[j + 1] = firstSlot[j] + Math.Min(p.Capacities[j], colSize[j]);
        int places = firstSlot[m];
        var lsa = new LinearSumAssignment();
        for (int i = 0; i < n; i++)
        {
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
            {
                int j = p.ArcMentor[a];
                for (int slot = firstSlot[j]; slot < firstSlot[j + 1]; slot++)
                {
                    lsa.AddArcWithCost(i, slot, -(p.ArcScore[a] + bigM));
                    lsa.AddArcWithCost(n + slot, places + i, 0);
                }
            }
            lsa.AddArcWithCost(i, places + i, 0);
        }
        for (int slot = 0; slot < places; slot++) lsa.AddArcWithCost(n + slot, slot, 0);
        double build = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var status = lsa.Solve();
        double solve = clock.Elapsed.TotalMilliseconds;
        if (status != Google.OrTools.Graph.LinearSumAssignment.Status.OPTIMAL)
            return new Outcome("OR-Tools LinearSumAssignment", build, solve, -1, 0, lsa.NumArcs(), status.ToString());
        var mentorOfSlot = new int[places];
        for (int j = 0; j < m; j++)
        {
            for (int slot = firstSlot[j]; slot < firstSlot[j + 1]; slot++) mentorOfSlot[slot] = j;
        }
        long matched = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            int right = lsa.RightMate(i);
            if (right >= places) continue;
            int j = mentorOfSlot[right];
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
            {
                if (p.ArcMentor[a] != j) continue;
                matched++;
                total += p.ArcScore[a];
                break;
            }
        }
        return new Outcome("OR-Tools LinearSumAssignment", build, solve, matched, total, lsa.NumArcs(), "");
    }
}
