namespace Tandem.Matching.Solver;

/// <summary>The outcome of a matcher.</summary>
/// <param name="MentorOf">Mentor of each mentee, -1 when unmatched.</param>
/// <param name="Matched">Number of matched mentees.</param>
/// <param name="TotalScore">Sum of the original arc scores of the chosen pairs.</param>
/// <param name="Certificate">LP duals proving optimality (empty prices for heuristic matchers).</param>
public sealed record MatchResult(int[] MentorOf, int Matched, long TotalScore, DualCertificate Certificate);

/// <summary>
/// Integer duals of the b-matching LP over weights w' = score + BigM (BigM = 0 for
/// <see cref="MatchObjective.TotalScore"/>): u ≥ 0, v ≥ 0, u_i + v_j ≥ w'_ij on every allowed pair,
/// and Σu + Σ cap_j·v_j equals the chosen Σw'. Equality proves the matching optimal.
/// </summary>
public sealed record DualCertificate(long BigM, long[] MenteePrice, long[] MentorPrice)
{
    public static DualCertificate None { get; } = new(0, [], []);
}
