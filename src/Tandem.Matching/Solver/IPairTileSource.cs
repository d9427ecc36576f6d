namespace Tandem.Matching.Solver;

/// <summary>
/// A pair source that scores a block of mentees against a block of mentors in one call, so it can
/// keep that block of mentors in cache (and in vector registers) for several mentees instead of
/// streaming every mentor once per mentee. <see cref="OptimalMatcher.SolveAllPairs"/> uses it when
/// the source offers it; any <see cref="IPairSource"/> works without it.
/// </summary>
public interface IPairTileSource : IPairSource
{
    /// <summary>
    /// Writes the score of (mentees[r], mentorStart + c) into scores[r * mentorCount + c] for every r
    /// and every c &lt; mentorCount, or <see cref="long.MinValue"/> where the pair is not allowed.
    /// Must agree exactly with <see cref="IPairSource.ScoreRow"/>. Thread-safe.
    /// </summary>
    void ScoreTile(ReadOnlySpan<int> mentees, int mentorStart, int mentorCount, Span<long> scores);
}
