using Tandem.Matching;

namespace Tandem.Matching.Tests.Solver;

/// <summary>An <see cref="IPairSource"/> over an explicit arc problem (absent arcs are not allowed).</summary>
internal sealed class MatrixPairSource(ArcProblem p) : IPairSource
{
    public int MenteeCount => p.MenteeCount;
    public int MentorCount => p.MentorCount;
    public int Capacity(int mentor) => p.Capacities[mentor];

    public void ScoreRow(int mentee, Span<long> scores)
    {
        scores.Fill(long.MinValue);
        for (int a = p.RowStart[mentee]; a < p.RowStart[mentee + 1]; a++) scores[p.ArcMentor[a]] = p.ArcScore[a];
    }
}
