namespace Tandem.Matching.Solver;

/// <summary>
/// Mentee-proposing deferred acceptance with mentor capacities. Preferences come from explicit
/// rankings where given (each list is over allowed arcs, best first; a pair missing from a list is
/// unacceptable to that side) or else from the arc scores (higher first, ties by lower index).
/// The result is the mentee-optimal stable matching.
/// </summary>
public static class StableMatcher
{
    public static MatchResult Solve(ArcProblem p, int[][]? menteeRanking = null, int[][]? mentorRanking = null)
    {
        ArcProblemChecks.Validate(p);
        var prefs = Preferences.Build(p, menteeRanking, mentorRanking);
        int n = p.MenteeCount;
        var next = new int[n];                       // next position in the mentee's list
        var mentorOf = new int[n];
        var arcOf = new int[n];
        Array.Fill(mentorOf, -1);
        // Per mentor: held arcs as a max-heap on mentor rank (worst held on top).
        var held = new List<int>[p.MentorCount];
        for (int j = 0; j < held.Length; j++) held[j] = new List<int>();
        var free = new Stack<int>();
        for (int i = n - 1; i >= 0; i--) free.Push(i);

        while (free.Count > 0)
        {
            int i = free.Pop();
            var list = prefs.MenteeOrder[i];
            while (next[i] < list.Length)
            {
                int a = list[next[i]++];
                int j = p.ArcMentor[a];
                int rank = prefs.MentorRankOfArc[a];
                if (rank < 0 || p.Capacities[j] == 0) continue;
                var h = held[j];
                if (h.Count < p.Capacities[j])
                {
                    HeapPush(h, a, prefs.MentorRankOfArc);
                    mentorOf[i] = j; arcOf[i] = a;
                    break;
                }
                int worst = h[0];
                if (prefs.MentorRankOfArc[worst] <= rank) continue;
                HeapPop(h, prefs.MentorRankOfArc);
                HeapPush(h, a, prefs.MentorRankOfArc);
                mentorOf[i] = j; arcOf[i] = a;
                int bumped = prefs.MenteeOfArc[worst];
                mentorOf[bumped] = -1;
                free.Push(bumped);
                break;
            }
        }

        int matched = 0;
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            if (mentorOf[i] < 0) continue;
            matched++;
            total += p.ArcScore[arcOf[i]];
        }
        return new MatchResult(mentorOf, matched, total, DualCertificate.None);
    }

    /// <summary>Pairs (mentee, mentor) that would both rather be together than with what they have.</summary>
    public static IReadOnlyList<(int Mentee, int Mentor)> BlockingPairs(
        ArcProblem p, int[] mentorOf, int[][]? menteeRanking = null, int[][]? mentorRanking = null)
    {
        var prefs = Preferences.Build(p, menteeRanking, mentorRanking);
        int n = p.MenteeCount;
        // Mentee's rank of each arc (position in its list), mentor's rank of the arc it holds.
        var menteePos = new int[p.ArcMentor.Length];
        Array.Fill(menteePos, -1);
        var currentPos = new int[n];
        Array.Fill(currentPos, int.MaxValue);
        for (int i = 0; i < n; i++)
        {
            var list = prefs.MenteeOrder[i];
            for (int k = 0; k < list.Length; k++)
            {
                menteePos[list[k]] = k;
                if (p.ArcMentor[list[k]] == mentorOf[i]) currentPos[i] = Math.Min(currentPos[i], k);
            }
        }
        var load = new int[p.MentorCount];
        var worstHeld = new int[p.MentorCount];
        for (int i = 0; i < n; i++)
        {
            if (mentorOf[i] < 0) continue;
            int j = mentorOf[i];
            load[j]++;
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
            {
                if (p.ArcMentor[a] == j) worstHeld[j] = Math.Max(worstHeld[j], prefs.MentorRankOfArc[a]);
            }
        }
        var blocking = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++)
            {
                int j = p.ArcMentor[a];
                if (menteePos[a] < 0 || prefs.MentorRankOfArc[a] < 0 || j == mentorOf[i]) continue;
                if (menteePos[a] >= currentPos[i]) continue;
                bool mentorWants = load[j] < p.Capacities[j] || (load[j] > 0 && prefs.MentorRankOfArc[a] < worstHeld[j]);
                if (mentorWants) blocking.Add((i, j));
            }
        }
        return blocking;
    }

    private static void HeapPush(List<int> h, int a, int[] rank)
    {
        h.Add(a);
        int c = h.Count - 1;
        while (c > 0)
        {
            int parent = (c - 1) / 2;
            if (rank[h[parent]] >= rank[h[c]]) break;
            (h[parent], h[c]) = (h[c], h[parent]);
            c = parent;
        }
    }

    private static void HeapPop(List<int> h, int[] rank)
    {
        h[0] = h[^1];
        h.RemoveAt(h.Count - 1);
        int c = 0;
        while (true)
        {
            int l = 2 * c + 1, r = l + 1, top = c;
            if (l < h.Count && rank[h[l]] > rank[h[top]]) top = l;
            if (r < h.Count && rank[h[r]] > rank[h[top]]) top = r;
            if (top == c) return;
            (h[top], h[c]) = (h[c], h[top]);
            c = top;
        }
    }

    private sealed record Preferences(int[][] MenteeOrder, int[] MentorRankOfArc, int[] MenteeOfArc)
    {
        public static Preferences Build(ArcProblem p, int[][]? menteeRanking, int[][]? mentorRanking)
        {
            int n = p.MenteeCount, arcs = p.ArcMentor.Length;
            var menteeOf = new int[arcs];
            for (int i = 0; i < n; i++)
            {
                for (int a = p.RowStart[i]; a < p.RowStart[i + 1]; a++) menteeOf[a] = i;
            }

            var order = new int[n][];
            for (int i = 0; i < n; i++)
            {
                if (menteeRanking is not null)
                {
                    var list = menteeRanking[i];
                    order[i] = new int[list.Length];
                    for (int k = 0; k < list.Length; k++) order[i][k] = FindArc(p, i, list[k]);
                }
                else
                {
                    int s = p.RowStart[i], e = p.RowStart[i + 1];
                    var row = new int[e - s];
                    for (int a = s; a < e; a++) row[a - s] = a;
                    Array.Sort(row, (x, y) => p.ArcScore[x] != p.ArcScore[y]
                        ? p.ArcScore[y].CompareTo(p.ArcScore[x])
                        : p.ArcMentor[x] != p.ArcMentor[y] ? p.ArcMentor[x].CompareTo(p.ArcMentor[y]) : x.CompareTo(y));
                    order[i] = row;
                }
            }

            var rank = new int[arcs];
            if (mentorRanking is not null)
            {
                Array.Fill(rank, -1);
                var position = new Dictionary<int, int>[p.MentorCount];
                for (int j = 0; j < p.MentorCount; j++)
                {
                    position[j] = new Dictionary<int, int>();
                    for (int k = 0; k < mentorRanking[j].Length; k++) position[j].TryAdd(mentorRanking[j][k], k);
                }
                for (int a = 0; a < arcs; a++)
                {
                    if (position[p.ArcMentor[a]].TryGetValue(menteeOf[a], out int k)) rank[a] = k;
                }
            }
            else
            {
                var byMentor = new int[arcs];
                for (int a = 0; a < arcs; a++) byMentor[a] = a;
                Array.Sort(byMentor, (x, y) =>
                    p.ArcMentor[x] != p.ArcMentor[y] ? p.ArcMentor[x].CompareTo(p.ArcMentor[y])
                    : p.ArcScore[x] != p.ArcScore[y] ? p.ArcScore[y].CompareTo(p.ArcScore[x])
                    : menteeOf[x] != menteeOf[y] ? menteeOf[x].CompareTo(menteeOf[y]) : x.CompareTo(y));
                int k = 0;
                for (int t = 0; t < arcs; t++)
                {
                    if (t > 0 && p.ArcMentor[byMentor[t]] != p.ArcMentor[byMentor[t - 1]]) k = 0;
                    rank[byMentor[t]] = k++;
                }
            }
            return new Preferences(order, rank, menteeOf);
        }

        private static int FindArc(ArcProblem p, int mentee, int mentor)
        {
            for (int a = p.RowStart[mentee]; a < p.RowStart[mentee + 1]; a++)
            {
                if (p.ArcMentor[a] == mentor) return a;
            }
            throw new ArgumentException($"Mentee {mentee} ranks mentor {mentor}, which is not an allowed pair.");
        }
    }
}
