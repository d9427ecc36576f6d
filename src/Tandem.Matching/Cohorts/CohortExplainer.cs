using System.Globalization;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Cohorts;

/// <summary>Turns a matching into what a coordinator reads: breakdowns, reasons, alternatives.</summary>
internal static class CohortExplainer
{
    private const int Examples = 3;
    private const int ListedFullMentors = 5;

    public static CohortResult Explain(CompiledCohort c, FeasibleArcs arcs, int[] mentorOf, int[] lockedMentor,
        DualCertificate? prices, CertificateCheck certificate, StableGap? gap)
    {
        int n = c.MenteeCount, m = c.MentorCount;
        var input = c.Input;
        var assigned = new List<int>[m];
        for (var j = 0; j < m; j++)
            assigned[j] = [];
        for (var i = 0; i < n; i++)
        {
            if (mentorOf[i] >= 0)
                assigned[mentorOf[i]].Add(i);
        }

        var pairs = new List<ProposedPair>();
        var unmatched = new List<UnmatchedMentee>();
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            var j = mentorOf[i];
            if (j < 0)
            {
                unmatched.Add(ExplainMentee(c, arcs, i, mentorOf, assigned, lockedMentor, prices));
                continue;
            }
            var scaled = arcs.Score(i, j) ?? c.ScaledScore(i, j);
            total += scaled;
            var breakdown = Breakdown(c, i, j, out _);
            var rank = RankAmongAllowed(arcs, i, scaled);
            pairs.Add(new ProposedPair(input.Mentees[i].Id, input.Mentors[j].Id, CohortMatcher.Units(scaled),
                lockedMentor[i] >= 0, rank, arcs.Degree(i), WhySentence(c, i, j, breakdown, rank, arcs.Degree(i)), breakdown));
        }

        var unmatchedMentors = new List<UnmatchedMentor>();
        var spare = 0;
        List<(int Mentee, long Score)>[]? columns = null;
        for (var j = 0; j < m; j++)
        {
            spare += Math.Max(0, c.Capacity(j) - assigned[j].Count);
            if (assigned[j].Count > 0)
                continue;
            columns ??= Columns(arcs, m);
            unmatchedMentors.Add(ExplainMentor(c, arcs, j, columns[j], mentorOf, lockedMentor));
        }

        var totals = new CohortTotals(n, m, pairs.Count, pairs.Count(p => p.Locked), spare, CohortMatcher.Units(total), total,
            pairs.Count == 0 ? 0 : Math.Round(CohortMatcher.Units(total) / pairs.Count, 6), arcs.Count, certificate, gap);
        return new CohortResult
        {
            Mode = input.Mode,
            Objective = input.Objective,
            Totals = totals,
            Pairs = pairs,
            UnmatchedMentees = unmatched,
            UnmatchedMentors = unmatchedMentors,
        };
    }

    public static IReadOnlyList<CriterionScore> Breakdown(CompiledCohort c, int i, int j, out double score)
    {
        Span<double> values = stackalloc double[CompiledCohort.CriterionCount];
        c.CriterionValues(i, j, values);
        score = CohortMatcher.Units((long)Math.Round(c.Total(values) * CompiledCohort.Scale, MidpointRounding.AwayFromZero));
        var list = new CriterionScore[CompiledCohort.CriterionCount];
        for (var k = 0; k < list.Length; k++)
        {
            var criterion = (Criterion)k;
            var weight = c.Weight(criterion);
            var contribution = c.WeightSum > 0 ? weight * values[k] / c.WeightSum : 0;
            list[k] = new CriterionScore(criterion, weight, Math.Round(values[k], 4), Math.Round(contribution, 4));
        }
        return list;
    }

    public static string WhySentence(CompiledCohort c, int i, int j, IReadOnlyList<CriterionScore> breakdown, int rank, int allowed)
    {
        var top = breakdown.Where(b => b.Contribution > 0)
            .OrderByDescending(b => b.Contribution).ThenBy(b => b.Criterion)
            .Take(3)
            .Select(b => b.Criterion == Criterion.MenteeRanking
                ? $"the mentee ranked this mentor #{c.MenteeRank(i, j)}"
                : string.Create(CultureInfo.InvariantCulture, $"{Criteria.Of(b.Criterion).Phrase} ({b.Value:0.00})"))
            .ToList();
        var sentence = top.Count == 0 ? "No criterion contributes; any allowed mentor scores the same." : $"Strongest on {Join(top)}.";
        if (allowed > 0)
            sentence += rank == 1 ? " The mentee's best-scoring allowed mentor." : $" #{rank} of {allowed} allowed mentors by score.";
        return sentence;
    }

    private static int RankAmongAllowed(FeasibleArcs arcs, int i, long score)
    {
        var rank = 1;
        foreach (var s in arcs.Scores(i))
        {
            if (s > score)
                rank++;
        }
        return rank;
    }

    private static UnmatchedMentee ExplainMentee(CompiledCohort c, FeasibleArcs arcs, int i, int[] mentorOf,
        List<int>[] assigned, int[] lockedMentor, DualCertificate? prices)
    {
        var input = c.Input;
        var excluded = Exclusions(c.MentorCount, j => c.Failures(i, j), j => input.Mentors[j].Id, j => c.DescribeFailures(i, j));

        var full = new List<FullMentor>();
        var alternatives = new List<Alternative>();
        var mentors = arcs.Mentors(i);
        var scores = arcs.Scores(i);
        var freePlaceLeft = false;
        var fullCount = 0;
        // Allowed mentors best score first; only the first few are written out, the rest are counted.
        var order = new int[mentors.Length];
        for (var k = 0; k < order.Length; k++)
            order[k] = k;
        var keys = scores.ToArray();
        Array.Sort(keys, order, Comparer<long>.Create((a, b) => b.CompareTo(a)));
        foreach (var k in order)
        {
            int j = mentors[k];
            var score = scores[k];
            var taken = assigned[j];
            if (taken.Count < c.Capacity(j))
            {
                freePlaceLeft = true;
                if (alternatives.Count < Examples)
                    alternatives.Add(new Alternative(input.Mentors[j].Id, CohortMatcher.Units(score), true,
                        "Has a free place; pairing them by hand is allowed but lowers the objective."));
                continue;
            }
            fullCount++;
            if (full.Count >= ListedFullMentors)
                continue;
            full.Add(DescribeFull(c, arcs, i, j, score, taken, lockedMentor, prices, out var take));
            if (alternatives.Count < Examples)
                alternatives.Add(new Alternative(input.Mentors[j].Id, CohortMatcher.Units(score), true, take));
        }
        if (alternatives.Count < Examples)
            alternatives.AddRange(NearMisses(c, i, Examples - alternatives.Count));

        string summary;
        if (mentors.Length == 0)
        {
            summary = excluded.Count == 0
                ? "There are no mentors in the cohort."
                : $"No mentor is allowed: {Join(excluded.Take(3).Select(e => $"{Label(e.Reason)} rules out {e.Count}"))} of {c.MentorCount} mentors.";
        }
        else if (!freePlaceLeft)
            summary = $"All {mentors.Length} allowed mentor(s) are full with pairs worth more to the cohort.";
        else
            summary = "An allowed mentor has a free place, but adding this pair would not raise the objective.";
        return new UnmatchedMentee(input.Mentees[i].Id, summary, mentors.Length, excluded, fullCount, full, alternatives);
    }

    private static FullMentor DescribeFull(CompiledCohort c, FeasibleArcs arcs, int i, int j, long score, List<int> taken,
        int[] lockedMentor, DualCertificate? prices, out string whatItWouldTake)
    {
        var input = c.Input;
        int lowest = -1;
        long lowestScore = long.MaxValue;
        foreach (var t in taken)
        {
            var s = arcs.Score(t, j) ?? c.ScaledScore(t, j);
            if (s < lowestScore || (s == lowestScore && t > lowest))
                (lowest, lowestScore) = (t, s);
        }
        var allLocked = taken.TrueForAll(t => lockedMentor[t] == j);
        var hasPrices = prices is { MentorPrice.Length: > 0 };
        double? placeValue = null;
        bool better;
        if (hasPrices)
        {
            // Dual feasibility: u_i + v_j ≥ score + BigM, and an unmatched mentee has u_i = 0, so v_j − BigM ≥ score.
            var v = prices!.MentorPrice[j] - prices.BigM;
            placeValue = allLocked ? null : CohortMatcher.Units(v);
            better = allLocked || v + prices.MenteePrice[i] >= score;
        }
        else
            better = taken.TrueForAll(t => (arcs.Score(t, j) ?? long.MaxValue) >= score);

        var inv = CultureInfo.InvariantCulture;
        var mentorId = input.Mentors[j].Id;
        var detail = allLocked
            ? $"Full with locked pairs ({string.Join(", ", taken.Select(t => input.Mentees[t].Id))})."
            : hasPrices
                ? string.Create(inv, $"Full ({taken.Count}/{c.Capacity(j)}); a place with this mentor is worth {placeValue:0.000###} to the cohort's optimum, at least this pair's {CohortMatcher.Units(score):0.000###}.")
                : string.Create(inv, $"Full ({taken.Count}/{c.Capacity(j)}) with mentees the mentor ranks higher (lowest {CohortMatcher.Units(lowestScore):0.000###} vs {CohortMatcher.Units(score):0.000###}).");
        whatItWouldTake = allLocked
            ? $"A place with {mentorId}: unlock one of the locked pairs, or raise capacity to {c.Capacity(j) + 1}."
            : string.Create(inv, $"A place with {mentorId}: raise capacity from {c.Capacity(j)} to {c.Capacity(j) + 1}, or move {input.Mentees[lowest].Id} (their pair scores {CohortMatcher.Units(lowestScore):0.000###}) to another mentor.");
        return new FullMentor(mentorId, CohortMatcher.Units(score), c.Capacity(j), [.. taken.Select(t => input.Mentees[t].Id)],
            CohortMatcher.Units(lowestScore), placeValue, better, detail);
    }

    /// <summary>Mentors who break the fewest hard constraints, best score first: what a coordinator could relax.</summary>
    private static IEnumerable<Alternative> NearMisses(CompiledCohort c, int i, int count)
    {
        Span<double> values = stackalloc double[CompiledCohort.CriterionCount];
        var misses = new List<(int Mentor, int Broken, double Score)>();
        for (var j = 0; j < c.MentorCount; j++)
        {
            var f = c.Failures(i, j);
            if (f == Constraint.None)
                continue;
            c.CriterionValues(i, j, values);
            misses.Add((j, System.Numerics.BitOperations.PopCount((uint)f), c.Total(values)));
        }
        foreach (var (j, _, score) in misses.OrderBy(x => x.Broken).ThenByDescending(x => x.Score).ThenBy(x => x.Mentor).Take(count))
        {
            var failures = c.DescribeFailures(i, j);
            yield return new Alternative(c.Input.Mentors[j].Id, Math.Round(score, 6), false,
                $"Needs {Join(failures.Select(f => ConstraintText.Relaxation(f.Reason)))}: {string.Join(" ", failures.Select(f => f.Message))}",
                c.Failures(i, j));
        }
    }

    private static UnmatchedMentor ExplainMentor(CompiledCohort c, FeasibleArcs arcs, int j, List<(int Mentee, long Score)> column,
        int[] mentorOf, int[] lockedMentor)
    {
        var input = c.Input;
        var excluded = Exclusions(c.MenteeCount, i => c.Failures(i, j), i => input.Mentees[i].Id, i => c.DescribeFailures(i, j));
        var elsewhere = column
            .OrderByDescending(x => x.Score).ThenBy(x => x.Mentee)
            .Take(Examples)
            .Select(x =>
            {
                var other = mentorOf[x.Mentee];
                return new MatchedElsewhere(input.Mentees[x.Mentee].Id, other >= 0 ? input.Mentors[other].Id : null,
                    CohortMatcher.Units(x.Score), other >= 0 ? CohortMatcher.Units(arcs.Score(x.Mentee, other) ?? c.ScaledScore(x.Mentee, other)) : 0);
            })
            .ToList();
        string summary;
        if (column.Count == 0)
        {
            summary = c.MenteeCount == 0
                ? "There are no mentees in the cohort."
                : $"No mentee is allowed: {Join(excluded.Take(3).Select(e => $"{Label(e.Reason)} rules out {e.Count}"))} of {c.MenteeCount} mentees.";
        }
        else if (column.All(x => mentorOf[x.Mentee] >= 0))
        {
            var locked = column.Count(x => lockedMentor[x.Mentee] >= 0);
            summary = $"All {column.Count} eligible mentee(s) are matched to mentors where they add more to the cohort"
                + (locked > 0 ? $" ({locked} of them locked)." : ".");
        }
        else
            summary = "Eligible mentees are unmatched, but pairing them with this mentor would not raise the objective.";
        return new UnmatchedMentor(input.Mentors[j].Id, summary, c.Capacity(j), column.Count, excluded, elsewhere,
            column.Count > 0 && column.All(x => mentorOf[x.Mentee] >= 0));
    }

    private static List<ExclusionCount> Exclusions(int count, Func<int, Constraint> failures, Func<int, string> id,
        Func<int, IReadOnlyList<ConstraintFailure>> describe)
    {
        var counts = new Dictionary<Constraint, (int Count, int Only, List<int> Examples)>();
        for (var k = 0; k < count; k++)
        {
            var f = failures(k);
            if (f == Constraint.None)
                continue;
            var only = (f & (f - 1)) == 0;
            foreach (var reason in ConstraintText.Each(f))
            {
                var e = counts.TryGetValue(reason, out var old) ? old : (0, 0, new List<int>());
                if (e.Item3.Count < Examples)
                    e.Item3.Add(k);
                counts[reason] = (e.Item1 + 1, e.Item2 + (only ? 1 : 0), e.Item3);
            }
        }
        return [.. counts
            .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key)
            .Select(kv => new ExclusionCount(kv.Key, kv.Value.Count, kv.Value.Only, [.. kv.Value.Examples.Select(id)],
                describe(kv.Value.Examples[0]).First(f => f.Reason == kv.Key).Message))];
    }

    private static List<(int Mentee, long Score)>[] Columns(FeasibleArcs arcs, int m)
    {
        var columns = new List<(int, long)>[m];
        for (var j = 0; j < m; j++)
            columns[j] = [];
        for (var i = 0; i + 1 < arcs.RowStart.Length; i++)
        {
            var mentors = arcs.Mentors(i);
            var scores = arcs.Scores(i);
            for (var k = 0; k < mentors.Length; k++)
                columns[mentors[k]].Add((i, scores[k]));
        }
        return columns;
    }

    internal static string Label(Constraint c) => c switch
    {
        Constraint.Track => "track",
        Constraint.Employer => "employer",
        Constraint.MenteeGenderPreference => "mentee's gender preference",
        Constraint.MentorGenderPreference => "mentor's gender preference",
        Constraint.Language => "language",
        Constraint.MeetingMode => "meeting mode",
        Constraint.City => "city",
        Constraint.Availability => "availability",
        Constraint.ReverseMentoring => "reverse mentoring",
        Constraint.PreviousPair => "earlier pairs",
        Constraint.Forbidden => "coordinator forbids",
        _ => c.ToString(),
    };

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
