using System.Runtime.CompilerServices;

namespace Tandem.Matching.Solver;

/// <summary>
/// Successive shortest augmenting paths (Hungarian / Jonker–Volgenant style) for b-matching.
/// Invariants kept after every step, over every arc of every settled mentee and mentor:
///   u, v ≥ 0; reduced cost u_i + v_j − w_ij ≥ 0; matched arcs tight;
///   unmatched mentees have u = 0; mentors below capacity have v = 0.
/// At the end these are exactly LP optimality with integer duals.
///
/// Two ways to grow the solution, both Dijkstra on reduced costs over the alternating graph:
/// - <see cref="InsertMentee"/> (forward): stops at a mentor with spare capacity, or at a mentee
///   whose price would reach zero (it drops out). Cheap when mentor slots are plentiful.
/// - <see cref="FillMentor"/> (reverse): a mentor with v &gt; 0 and a free slot pulls a mentee
///   towards it; stops at an unmatched mentee, or at a mentor whose price would reach zero (it
///   keeps a free slot). Cheap when mentees outnumber slots, as with popular mentors.
/// Arcs with w ≤ 0 are never worth taking and are skipped; prices are non-negative, so those
/// arcs satisfy their dual constraint anyway.
/// The search loops are compiled optimised from their first call (AggressiveOptimization): a
/// one-shot solve from the command line is over before tiered compilation would get to them.
/// </summary>
internal sealed class AugmentingPathEngine : IArcRows
{
    private readonly int _n, _m;
    private readonly int[] _cap, _slotStart;
    private readonly long _bigM;
    private readonly bool _mentorSide;
    // Arcs of each mentor (mentee, w') and of each mentee (mentor, w'), sorted by weight descending,
    // so a scan stops at the first arc that cannot beat the best terminal found so far. A one-off
    // solve builds the side its direction needs; the warm all-pairs engine keeps both.
    private int[] _colStart = [], _colMentee = [];
    private long[] _colW = [];
    private int[] _rowStart = [], _rowMentor = [];
    private long[] _rowW = [];
    internal readonly long[] U, V;
    internal readonly int[] MentorOf, SlotOf, Load, SlotMentee;
    internal readonly long[] MatchedW;

    // Dijkstra scratch, reset through the touched lists. Forward: heap over mentors; reverse: over mentees.
    private readonly long[] _mentorDist, _menteeDist;
    private readonly int[] _mentorPred, _menteePred;
    private readonly long[] _mentorPredW, _menteePredW;
    private readonly bool[] _mentorDone, _menteeDone;
    private readonly List<int> _touchedMentors = new(), _touchedMentees = new(), _doneMentors = new(), _doneMentees = new();
    private readonly MinHeap _heap = new();

    /// <param name="bigM">Added to every score: the weight w' the engine maximises.</param>
    /// <param name="mentorSide">Force the search direction (tests); null picks by instance shape.</param>
    /// <param name="bothSides">Keep rows and columns (warm re-solves insert mentees and fill mentors).</param>
    public AugmentingPathEngine(ArcProblem p, long bigM, bool? mentorSide = null, bool bothSides = false)
    {
        _n = p.MenteeCount; _m = p.MentorCount;
        _cap = p.Capacities;
        _bigM = bigM;
        // Setup is linear: one radix sort of all arcs by weight, then a stable counting sort by
        // mentor (and by mentee) keeps each group sorted by weight.
        var byWeight = ArcSort.ByScoreDescending(p.ArcScore);
        var colStart = ArcSort.Starts(p.ArcMentor, _m);
        long slots = 0;
        for (int j = 0; j < _m; j++) slots += Math.Min(_cap[j], colStart[j + 1] - colStart[j]);
        _mentorSide = mentorSide ?? slots <= _n;
        var menteeOfArc = ArcSort.MenteeOfArc(p.RowStart);
        if (_mentorSide || bothSides)
        {
            _colStart = colStart;
            var colArc = ArcSort.GroupBy(byWeight, p.ArcMentor, colStart);
            _colW = new long[colArc.Length];
            _colMentee = new int[colArc.Length];
            for (int k = 0; k < colArc.Length; k++)
            {
                int a = colArc[k];
                _colW[k] = p.ArcScore[a] + bigM;
                _colMentee[k] = menteeOfArc[a];
            }
        }
        if (!_mentorSide || bothSides)
        {
            _rowStart = p.RowStart;
            var rowArc = ArcSort.GroupBy(byWeight, menteeOfArc, p.RowStart);
            _rowW = new long[rowArc.Length];
            _rowMentor = new int[rowArc.Length];
            for (int k = 0; k < rowArc.Length; k++)
            {
                int a = rowArc[k];
                _rowW[k] = p.ArcScore[a] + bigM;
                _rowMentor[k] = p.ArcMentor[a];
            }
        }
        // A warm engine may gain arcs, so its mentors get all their places (at most one per mentee).
        _slotStart = new int[_m + 1];
        for (int j = 0; j < _m; j++)
            _slotStart[j + 1] = _slotStart[j] + Math.Min(_cap[j], bothSides ? _n : colStart[j + 1] - colStart[j]);
        SlotMentee = new int[_slotStart[_m]];
        U = new long[_n]; V = new long[_m];
        MentorOf = new int[_n]; SlotOf = new int[_n]; MatchedW = new long[_n];
        Array.Fill(MentorOf, -1); Array.Fill(SlotOf, -1);
        Load = new int[_m];
        _mentorDist = new long[_m]; Array.Fill(_mentorDist, long.MaxValue);
        _menteeDist = new long[_n]; Array.Fill(_menteeDist, long.MaxValue);
        _mentorPred = new int[_m]; _mentorPredW = new long[_m];
        _menteePred = new int[_n]; _menteePredW = new long[_n];
        _mentorDone = new bool[_m]; _menteeDone = new bool[_n];
    }

    public int ArcCount => Math.Max(_colW.Length, _rowW.Length);

    /// <summary>Mentee's mentors, best weight first (engines built with both sides).</summary>
    public ReadOnlySpan<int> MentorsOf(int mentee) => _rowMentor.AsSpan(_rowStart[mentee], _rowStart[mentee + 1] - _rowStart[mentee]);

    /// <summary>The engine's arcs as a problem (rows in weight order; engines built with both sides).</summary>
    public ArcProblem ToProblem(int[] capacities)
    {
        var score = new long[_rowW.Length];
        for (int k = 0; k < score.Length; k++) score[k] = _rowW[k] - _bigM;
        return new ArcProblem
        {
            MenteeCount = _n, MentorCount = _m, Capacities = capacities,
            RowStart = (int[])_rowStart.Clone(), ArcMentor = (int[])_rowMentor.Clone(), ArcScore = score,
        };
    }

    /// <summary>Solves from scratch in the direction chosen at construction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(CancellationToken ct)
    {
        if (_mentorSide)
        {
            // Mentors are settled one by one: priced just high enough to keep reduced costs
            // non-negative (mentee prices only rise on this side), then filled until full or free.
            for (int j = 0; j < _m; j++)
            {
                if ((j & 63) == 0) ct.ThrowIfCancellationRequested();
                long vj = 0;
                for (int k = _colStart[j]; k < _colStart[j + 1]; k++)
                {
                    if (_colW[k] <= vj) break; // prices are ≥ 0, so no later arc can do better
                    long red = _colW[k] - U[_colMentee[k]];
                    if (red > vj) vj = red;
                }
                V[j] = vj;
                while (V[j] > 0 && Load[j] < _cap[j]) FillMentor(j);
            }
        }
        else
        {
            for (int r = 0; r < _n; r++)
            {
                if ((r & 255) == 0) ct.ThrowIfCancellationRequested();
                InsertMentee(r);
            }
        }
    }

    /// <summary>
    /// Warm re-solve after pricing found pairs that violate the duals: merges the new arcs
    /// (<paramref name="added"/>: per mentee, ascending, its new mentors and scores) into both sides,
    /// takes each of those mentees out of the matching, inserts it again by a forward search (its
    /// price is recomputed over all its arcs, old and new), then lets every mentor left with a free
    /// place and a positive price pull a mentee back by a reverse search. All other assignments and
    /// prices stay as they were: the invariants hold for them already.
    /// </summary>
    public void AddArcsAndResolve(IReadOnlyList<(int Mentee, int[] Mentors, long[] Scores)> added, CancellationToken ct)
    {
        MergeArcs(added);
        if (added.Count > _n / 2)
        {
            // Most mentees changed: one forward search each costs more than solving again from the
            // mentor side over the merged (already sorted) arcs.
            Array.Fill(U, 0); Array.Fill(V, 0); Array.Fill(Load, 0);
            Array.Fill(MentorOf, -1); Array.Fill(SlotOf, -1); Array.Clear(MatchedW);
            Run(ct);
            return;
        }
        var freed = new List<int>();
        foreach (var (i, _, _) in added)
        {
            if (MentorOf[i] < 0) continue;
            freed.Add(MentorOf[i]);
            Unassign(i);
        }
        for (int q = 0; q < added.Count; q++)
        {
            if ((q & 255) == 0) ct.ThrowIfCancellationRequested();
            InsertMentee(added[q].Mentee);
        }
        foreach (int j in freed)
        {
            while (V[j] > 0 && Load[j] < _cap[j]) FillMentor(j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MergeArcs(IReadOnlyList<(int Mentee, int[] Mentors, long[] Scores)> added)
    {
        int extra = 0;
        foreach (var e in added) extra += e.Mentors.Length;
        int arcs = _rowW.Length + extra;

        // Rows: each changed row is its old (sorted) arcs merged with its new ones, sorted.
        var rowStart = new int[_n + 1];
        var rowMentor = new int[arcs];
        var rowW = new long[arcs];
        var colAdd = new int[_m + 1];
        int q = 0, w = 0;
        for (int i = 0; i < _n; i++)
        {
            rowStart[i] = w;
            int from = _rowStart[i], to = _rowStart[i + 1];
            if (q < added.Count && added[q].Mentee == i)
            {
                var (_, mentors, scores) = added[q++];
                var keys = new long[mentors.Length];
                var js = (int[])mentors.Clone();
                for (int k = 0; k < keys.Length; k++) { keys[k] = -(scores[k] + _bigM); colAdd[js[k] + 1]++; }
                Array.Sort(keys, js);
                int x = 0;
                while (from < to || x < keys.Length)
                {
                    if (x < keys.Length && (from == to || -keys[x] > _rowW[from]))
                    {
                        rowMentor[w] = js[x]; rowW[w++] = -keys[x++];
                    }
                    else
                    {
                        rowMentor[w] = _rowMentor[from]; rowW[w++] = _rowW[from++];
                    }
                }
            }
            else
            {
                Array.Copy(_rowMentor, from, rowMentor, w, to - from);
                Array.Copy(_rowW, from, rowW, w, to - from);
                w += to - from;
            }
        }
        rowStart[_n] = w;

        // Columns: the new arcs grouped by mentor, each group sorted, merged into the old column.
        for (int j = 0; j < _m; j++) colAdd[j + 1] += colAdd[j];
        var newMentee = new int[extra];
        var newKey = new long[extra];
        var fill = (int[])colAdd.Clone();
        foreach (var (i, mentors, scores) in added)
        {
            for (int k = 0; k < mentors.Length; k++)
            {
                int at = fill[mentors[k]]++;
                newMentee[at] = i;
                newKey[at] = -(scores[k] + _bigM);
            }
        }
        var colStart = new int[_m + 1];
        var colMentee = new int[arcs];
        var colW = new long[arcs];
        w = 0;
        for (int j = 0; j < _m; j++)
        {
            colStart[j] = w;
            int from = _colStart[j], to = _colStart[j + 1], x = colAdd[j], xe = colAdd[j + 1];
            if (xe - x > 1) Array.Sort(newKey, newMentee, x, xe - x);
            while (from < to || x < xe)
            {
                if (x < xe && (from == to || -newKey[x] > _colW[from]))
                {
                    colMentee[w] = newMentee[x]; colW[w++] = -newKey[x++];
                }
                else
                {
                    colMentee[w] = _colMentee[from]; colW[w++] = _colW[from++];
                }
            }
        }
        colStart[_m] = w;
        (_rowStart, _rowMentor, _rowW) = (rowStart, rowMentor, rowW);
        (_colStart, _colMentee, _colW) = (colStart, colMentee, colW);
    }

    /// <summary>Adds unmatched mentee r (its u is recomputed from its arcs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void InsertMentee(int r)
    {
        long ur = 0;
        for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
        {
            if (_rowW[k] <= ur) break;
            long red = _rowW[k] - V[_rowMentor[k]];
            if (red > ur) ur = red;
        }
        U[r] = ur;
        if (ur == 0) return; // nothing positive to gain: stays unmatched with u = 0

        long best = ur; // dropping r itself
        int endMentee = r, endMentor = -1;
        long endW = 0;
        _menteeDist[r] = 0;
        _touchedMentees.Add(r);
        _doneMentees.Add(r);
        ScanMentee(r, 0, ref best, ref endMentee, ref endMentor, ref endW);

        while (_heap.Count > 0)
        {
            var (d, j) = _heap.Pop();
            if (_mentorDone[j] || d != _mentorDist[j]) continue;
            if (d >= best) break;
            _mentorDone[j] = true;
            _doneMentors.Add(j);
            for (int s = _slotStart[j], e = _slotStart[j] + Load[j]; s < e; s++)
            {
                int i = SlotMentee[s];
                _menteeDist[i] = d;
                _touchedMentees.Add(i);
                _doneMentees.Add(i);
                if (d + U[i] < best) { best = d + U[i]; endMentee = i; endMentor = -1; endW = 0; }
                ScanMentee(i, d, ref best, ref endMentee, ref endMentor, ref endW);
            }
        }

        foreach (int j in _doneMentors) V[j] += best - _mentorDist[j];
        foreach (int i in _doneMentees) U[i] -= best - _menteeDist[i];

        if (endMentor >= 0)
        {
            MoveChainForward(r, endMentor, endW);
        }
        else if (endMentee != r)
        {
            int j = MentorOf[endMentee];
            Unassign(endMentee);
            MoveChainForward(r, j, _mentorPredW[j]);
        }
        ResetScratch();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanMentee(int i, long d, ref long best, ref int endMentee, ref int endMentor, ref long endW)
    {
        long baseCost = d + U[i];
        int own = MentorOf[i];
        for (int k = _rowStart[i]; k < _rowStart[i + 1]; k++)
        {
            long w = _rowW[k];
            if (w <= 0 || baseCost - w >= best) break;
            int j = _rowMentor[k];
            if (j == own || _mentorDone[j]) continue;
            long nd = baseCost + V[j] - w;
            if (nd >= _mentorDist[j] || nd >= best) continue;
            if (_mentorDist[j] == long.MaxValue) _touchedMentors.Add(j);
            _mentorDist[j] = nd; _mentorPred[j] = i; _mentorPredW[j] = w;
            if (Load[j] < _cap[j]) { best = nd; endMentor = j; endMentee = -1; endW = w; }
            else _heap.Push(nd, j);
        }
    }

    /// <summary>Mentee pred[j] moves into j; the mentor it left takes its own pred; … back to r.</summary>
    private void MoveChainForward(int r, int j, long w)
    {
        while (true)
        {
            int i = _mentorPred[j];
            int oldJ = MentorOf[i];
            if (oldJ >= 0) Unassign(i);
            Assign(i, j, w);
            if (i == r) return;
            j = oldJ; w = _mentorPredW[j];
        }
    }

    /// <summary>
    /// Mentor r has a free slot and v_r &gt; 0: one reverse shortest-path step, which either gives it
    /// one more mentee or lowers some price (possibly v_r) to zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void FillMentor(int r)
    {
        long best = V[r]; // lowering v_r to 0
        int endMentor = r, endMentee = -1;
        LabelMentor(r, 0, -1);
        ScanMentor(r, 0, ref best, ref endMentor, ref endMentee);

        while (_heap.Count > 0)
        {
            var (d, i) = _heap.Pop();
            if (_menteeDone[i] || d != _menteeDist[i]) continue;
            if (d >= best) break;
            _menteeDone[i] = true;
            _doneMentees.Add(i);
            int j = MentorOf[i]; // matched: unmatched mentees are terminals and never pushed
            if (_mentorDone[j]) continue;
            LabelMentor(j, d, i);
            if (d + V[j] < best) { best = d + V[j]; endMentor = j; endMentee = -1; }
            ScanMentor(j, d, ref best, ref endMentor, ref endMentee);
        }

        foreach (int j in _doneMentors) V[j] -= best - _mentorDist[j];
        foreach (int i in _doneMentees) U[i] += best - _menteeDist[i];

        if (endMentee >= 0)
        {
            MoveChainReverse(r, endMentee);
        }
        else if (endMentor != r)
        {
            // endMentor gives up the mentee that reached it; that mentee joins its pred mentor, and so on.
            int i = _mentorPred[endMentor];
            Unassign(i);
            MoveChainReverse(r, i);
        }
        ResetScratch();
    }

    /// <summary>
    /// A labelled mentor labels all its mentees at the same distance: their matched arcs are tight
    /// and must stay tight when the mentor's price falls.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LabelMentor(int j, long d, int pred)
    {
        _mentorDone[j] = true;
        _mentorDist[j] = d;
        _mentorPred[j] = pred;
        _touchedMentors.Add(j);
        _doneMentors.Add(j);
        for (int s = _slotStart[j], e = _slotStart[j] + Load[j]; s < e; s++)
        {
            int i = SlotMentee[s];
            if (_menteeDone[i]) continue;
            if (_menteeDist[i] == long.MaxValue) _touchedMentees.Add(i);
            _menteeDone[i] = true;
            _menteeDist[i] = d;
            _doneMentees.Add(i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanMentor(int j, long d, ref long best, ref int endMentor, ref int endMentee)
    {
        long baseCost = d + V[j];
        for (int k = _colStart[j]; k < _colStart[j + 1]; k++)
        {
            long w = _colW[k];
            if (w <= 0 || baseCost - w >= best) break; // mentee prices are ≥ 0
            int i = _colMentee[k];
            if (_menteeDone[i] || MentorOf[i] == j) continue;
            long nd = baseCost + U[i] - w;
            if (nd >= _menteeDist[i] || nd >= best) continue;
            if (_menteeDist[i] == long.MaxValue) _touchedMentees.Add(i);
            _menteeDist[i] = nd; _menteePred[i] = j; _menteePredW[i] = w;
            if (MentorOf[i] < 0) { best = nd; endMentee = i; endMentor = -1; }
            else _heap.Push(nd, i);
        }
    }

    /// <summary>Mentee i (now unassigned) joins pred[i]; that mentor's own pred mentee leaves it for the next; … up to r.</summary>
    private void MoveChainReverse(int r, int i)
    {
        while (true)
        {
            int j = _menteePred[i];
            // j's own pred mentee leaves first, so j never holds more than its capacity
            int next = j == r ? -1 : _mentorPred[j];
            if (next >= 0) Unassign(next);
            Assign(i, j, _menteePredW[i]);
            if (next < 0) return;
            i = next;
        }
    }

    private void Assign(int i, int j, long w)
    {
        int s = _slotStart[j] + Load[j]++;
        SlotMentee[s] = i;
        MentorOf[i] = j; SlotOf[i] = s; MatchedW[i] = w;
    }

    private void Unassign(int i)
    {
        int j = MentorOf[i];
        int last = _slotStart[j] + --Load[j];
        int s = SlotOf[i];
        int moved = SlotMentee[last];
        SlotMentee[s] = moved;
        SlotOf[moved] = s;
        MentorOf[i] = -1; SlotOf[i] = -1; MatchedW[i] = 0;
    }

    private void ResetScratch()
    {
        foreach (int j in _touchedMentors) { _mentorDist[j] = long.MaxValue; _mentorDone[j] = false; }
        foreach (int i in _touchedMentees) { _menteeDist[i] = long.MaxValue; _menteeDone[i] = false; }
        _touchedMentors.Clear(); _touchedMentees.Clear(); _doneMentors.Clear(); _doneMentees.Clear();
        _heap.Clear();
    }

    public MatchResult ToResult()
    {
        int matched = 0;
        long total = 0;
        for (int i = 0; i < _n; i++)
        {
            if (MentorOf[i] < 0) continue;
            matched++;
            total += MatchedW[i] - _bigM;
        }
        return new MatchResult((int[])MentorOf.Clone(), matched, total,
            new DualCertificate(_bigM, (long[])U.Clone(), (long[])V.Clone()));
    }
}
