namespace Tandem.Matching.Solver;

internal static class ArcProblemChecks
{
    public static void Validate(ArcProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.MenteeCount < 0 || p.MentorCount < 0)
            throw new ArgumentException("Negative mentee or mentor count.", nameof(p));
        if (p.Capacities.Length != p.MentorCount)
            throw new ArgumentException($"Capacities has {p.Capacities.Length} entries, expected {p.MentorCount}.", nameof(p));
        if (p.RowStart.Length != p.MenteeCount + 1 || p.RowStart[0] != 0 || p.RowStart[^1] != p.ArcMentor.Length)
            throw new ArgumentException("RowStart must have MenteeCount+1 entries from 0 to the arc count.", nameof(p));
        if (p.ArcScore.Length != p.ArcMentor.Length)
            throw new ArgumentException("ArcScore and ArcMentor lengths differ.", nameof(p));
        for (int i = 0; i < p.MenteeCount; i++)
        {
            if (p.RowStart[i + 1] < p.RowStart[i])
                throw new ArgumentException($"RowStart decreases at mentee {i}.", nameof(p));
        }
        foreach (int j in p.ArcMentor)
        {
            if ((uint)j >= (uint)p.MentorCount)
                throw new ArgumentException($"Arc to mentor {j} is out of range.", nameof(p));
        }
        foreach (long s in p.ArcScore)
        {
            if (s == long.MinValue)
                throw new ArgumentException("Arc score long.MinValue is reserved for 'not allowed'.", nameof(p));
        }
        foreach (int c in p.Capacities)
        {
            if (c < 0) throw new ArgumentException("Negative mentor capacity.", nameof(p));
        }
    }
}
