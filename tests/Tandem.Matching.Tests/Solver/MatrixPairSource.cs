using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Matching.Tests.Solver;

/// <summary>An <see cref="IPairSource"/> over an explicit arc problem (absent arcs are not allowed).</summary>
internal class MatrixPairSource(ArcProblem p) : IPairSource
{
    protected ArcProblem Problem => p;

    public int MenteeCount => p.MenteeCount;
    public int MentorCount => p.MentorCount;
    public int Capacity(int mentor) => p.Capacities[mentor];

    public void ScoreRow(int mentee, Span<long> scores)
    {
        scores.Fill(long.MinValue);
        for (int a = p.RowStart[mentee]; a < p.RowStart[mentee + 1]; a++) scores[p.ArcMentor[a]] = p.ArcScore[a];
    }
}

/// <summary>The same pairs, scored tile by tile.</summary>
internal sealed class MatrixTileSource(ArcProblem p) : MatrixPairSource(p), IPairTileSource
{
    public void ScoreTile(ReadOnlySpan<int> mentees, int mentorStart, int mentorCount, Span<long> scores)
    {
        scores[..(mentees.Length * mentorCount)].Fill(long.MinValue);
        for (int r = 0; r < mentees.Length; r++)
        {
            for (int a = Problem.RowStart[mentees[r]]; a < Problem.RowStart[mentees[r] + 1]; a++)
            {
                int c = Problem.ArcMentor[a] - mentorStart;
                if ((uint)c < (uint)mentorCount) scores[r * mentorCount + c] = Problem.ArcScore[a];
            }
        }
    }
}
