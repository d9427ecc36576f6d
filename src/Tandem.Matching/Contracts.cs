namespace Tandem.Matching;

/// <summary>What the optimal matcher maximises.</summary>
public enum MatchObjective
{
    /// <summary>Most mentees matched first, then the highest total score among those assignments.</summary>
    MostMatchedThenScore,

    /// <summary>The highest total score; a mentee may stay unmatched when that scores more.</summary>
    TotalScore,
}

/// <summary>
/// A sparse assignment problem: mentees (rows) to mentors (columns) with mentor capacities.
/// Arcs are stored per mentee (CSR): the arcs of mentee i are indices RowStart[i]..RowStart[i+1]-1.
/// Scores are integers (callers scale decimals); an absent arc is a pair that is not allowed.
/// </summary>
public sealed class ArcProblem
{
    public required int MenteeCount { get; init; }
    public required int MentorCount { get; init; }
    public required int[] Capacities { get; init; }
    public required int[] RowStart { get; init; }
    public required int[] ArcMentor { get; init; }
    public required long[] ArcScore { get; init; }
}

/// <summary>
/// Every mentee × mentor pair, scored on demand. Used to solve over all feasible pairs without
/// materialising them. Implementations must be thread-safe.
/// </summary>
public interface IPairSource
{
    int MenteeCount { get; }
    int MentorCount { get; }
    int Capacity(int mentor);

    /// <summary>Writes the score of (mentee, j) into scores[j] for every mentor j, or
    /// <see cref="long.MinValue"/> where the pair is not allowed.</summary>
    void ScoreRow(int mentee, Span<long> scores);
}
