namespace Tandem.Matching.Cohorts;

/// <summary>Every allowed pair of a compiled cohort in CSR form, scored once and reused by the
/// solver and the explanations.</summary>
internal sealed class FeasibleArcs
{
    public required int[] RowStart { get; init; }
    public required int[] ArcMentor { get; init; }
    public required long[] ArcScore { get; init; }

    public int Count => ArcMentor.Length;

    public static FeasibleArcs Build(CompiledCohort c, CancellationToken ct)
    {
        int n = c.MenteeCount, m = c.MentorCount;
        var rowMentors = new int[n][];
        var rowScores = new long[n][];
        var options = new ParallelOptions { CancellationToken = ct };
        Parallel.For(0, n, options, () => new long[m], (i, _, row) =>
        {
            c.ScoreRow(i, row);
            var count = 0;
            foreach (var s in row)
            {
                if (s != long.MinValue)
                    count++;
            }
            var mentors = new int[count];
            var scores = new long[count];
            for (int j = 0, k = 0; j < m; j++)
            {
                if (row[j] == long.MinValue)
                    continue;
                mentors[k] = j;
                scores[k++] = row[j];
            }
            rowMentors[i] = mentors;
            rowScores[i] = scores;
            return row;
        }, _ => { });

        var rowStart = new int[n + 1];
        for (var i = 0; i < n; i++)
            rowStart[i + 1] = rowStart[i] + rowMentors[i].Length;
        var arcMentor = new int[rowStart[n]];
        var arcScore = new long[rowStart[n]];
        for (var i = 0; i < n; i++)
        {
            rowMentors[i].CopyTo(arcMentor, rowStart[i]);
            rowScores[i].CopyTo(arcScore, rowStart[i]);
        }
        return new FeasibleArcs { RowStart = rowStart, ArcMentor = arcMentor, ArcScore = arcScore };
    }

    public ReadOnlySpan<int> Mentors(int mentee) => ArcMentor.AsSpan(RowStart[mentee], RowStart[mentee + 1] - RowStart[mentee]);

    public ReadOnlySpan<long> Scores(int mentee) => ArcScore.AsSpan(RowStart[mentee], RowStart[mentee + 1] - RowStart[mentee]);

    public int Degree(int mentee) => RowStart[mentee + 1] - RowStart[mentee];

    /// <summary>The score of an allowed pair, or null.</summary>
    public long? Score(int mentee, int mentor)
    {
        var k = Mentors(mentee).BinarySearch(mentor);
        return k >= 0 ? Scores(mentee)[k] : null;
    }

    /// <summary>The problem left after locks: locked mentees have no arcs and their mentors fewer places.</summary>
    public ArcProblem Residual(CompiledCohort c, int[] lockedMentor)
    {
        int n = c.MenteeCount, m = c.MentorCount;
        var caps = new int[m];
        for (var j = 0; j < m; j++)
            caps[j] = c.Capacity(j);
        var rowStart = new int[n + 1];
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            if (lockedMentor[i] >= 0)
                caps[lockedMentor[i]]--;
            else
                kept += Degree(i);
            rowStart[i + 1] = kept;
        }
        if (kept == Count)
            return new ArcProblem { MenteeCount = n, MentorCount = m, Capacities = caps, RowStart = RowStart, ArcMentor = ArcMentor, ArcScore = ArcScore };
        var arcMentor = new int[kept];
        var arcScore = new long[kept];
        for (var i = 0; i < n; i++)
        {
            if (lockedMentor[i] >= 0)
                continue;
            Mentors(i).CopyTo(arcMentor.AsSpan(rowStart[i]));
            Scores(i).CopyTo(arcScore.AsSpan(rowStart[i]));
        }
        return new ArcProblem { MenteeCount = n, MentorCount = m, Capacities = caps, RowStart = rowStart, ArcMentor = arcMentor, ArcScore = arcScore };
    }
}
