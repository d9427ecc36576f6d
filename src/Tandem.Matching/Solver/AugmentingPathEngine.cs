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
/// </summary>
internal sealed class AugmentingPathEngine
{
    private readonly int _n, _m;
    private readonly int[] _rowStart, _arcMentor, _cap, _slotStart;
    private readonly bool _mentorSide;
    // Arcs of each mentor, and (forward only) of each mentee, sorted by weight descending, so a
    // scan stops at the first arc that cannot beat the best terminal found so far.
    private readonly int[] _colStart, _colArc, _colMentee;
    private readonly long[] _colW;
    private readonly int[] _rowArc = [], _rowMentor = [];
    private readonly long[] _rowW = [];
    internal readonly long[] U, V;
    internal readonly int[] MentorOf, SlotOf, Load, SlotMentee, ArcOf;

    // Dijkstra scratch, reset through the touched lists. Forward: heap over mentors; reverse: over mentees.
    private readonly long[] _mentorDist, _menteeDist;
    private readonly int[] _mentorPred, _mentorPredArc, _menteePred, _menteePredArc;
    private readonly bool[] _mentorDone, _menteeDone;
    private readonly List<int> _touchedMentors = new(), _touchedMentees = new(), _doneMentors = new(), _doneMentees = new();
    private readonly MinHeap _heap = new();

    /// <param name="bigM">Added to every score: the weight w' the engine maximises.</param>
    /// <param name="mentorSide">Force the search direction (tests); null picks by instance shape.</param>
    public AugmentingPathEngine(ArcProblem p, long bigM, bool? mentorSide = null)
    {
        _n = p.MenteeCount; _m = p.MentorCount;
        _rowStart = p.RowStart; _arcMentor = p.ArcMentor;
        _cap = p.Capacities;
        var score = p.ArcScore;
        int arcs = _arcMentor.Length;
        // Setup is linear: one radix sort of all arcs by weight, then a stable counting sort by
        // mentor (and by mentee for the forward side) keeps each group sorted by weight.
        var byWeight = ArcSort.ByScoreDescending(score);
        var menteeOfArc = ArcSort.MenteeOfArc(_rowStart);
        _colStart = ArcSort.Starts(_arcMentor, _m);
        _colArc = ArcSort.GroupBy(byWeight, _arcMentor, _colStart);
        _colW = new long[arcs];
        _colMentee = new int[arcs];
        for (int k = 0; k < arcs; k++)
        {
            int a = _colArc[k];
            _colW[k] = score[a] + bigM;
            _colMentee[k] = menteeOfArc[a];
        }
        _slotStart = new int[_m + 1];
        for (int j = 0; j < _m; j++) _slotStart[j + 1] = _slotStart[j] + Math.Min(_cap[j], _colStart[j + 1] - _colStart[j]);
        _mentorSide = mentorSide ?? _slotStart[_m] <= _n;
        if (!_mentorSide)
        {
            _rowArc = ArcSort.GroupBy(byWeight, menteeOfArc, _rowStart);
            _rowW = new long[arcs];
            _rowMentor = new int[arcs];
            for (int k = 0; k < arcs; k++)
            {
                int a = _rowArc[k];
                _rowW[k] = score[a] + bigM;
                _rowMentor[k] = _arcMentor[a];
            }
        }
        SlotMentee = new int[_slotStart[_m]];
        U = new long[_n]; V = new long[_m];
        MentorOf = new int[_n]; SlotOf = new int[_n]; ArcOf = new int[_n];
        Array.Fill(MentorOf, -1); Array.Fill(SlotOf, -1); Array.Fill(ArcOf, -1);
        Load = new int[_m];
        _mentorDist = new long[_m]; Array.Fill(_mentorDist, long.MaxValue);
        _menteeDist = new long[_n]; Array.Fill(_menteeDist, long.MaxValue);
        _mentorPred = new int[_m]; _mentorPredArc = new int[_m];
        _menteePred = new int[_n]; _menteePredArc = new int[_n];
        _mentorDone = new bool[_m]; _menteeDone = new bool[_n];
    }

    /// <summary>Solves from scratch in the direction chosen at construction.</summary>
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

    /// <summary>Adds unmatched mentee r (its u is recomputed from its arcs).</summary>
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
        int endMentee = r, endMentor = -1, endArc = -1;
        _menteeDist[r] = 0;
        _touchedMentees.Add(r);
        _doneMentees.Add(r);
        ScanMentee(r, 0, ref best, ref endMentee, ref endMentor, ref endArc);

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
                if (d + U[i] < best) { best = d + U[i]; endMentee = i; endMentor = -1; endArc = -1; }
                ScanMentee(i, d, ref best, ref endMentee, ref endMentor, ref endArc);
            }
        }

        foreach (int j in _doneMentors) V[j] += best - _mentorDist[j];
        foreach (int i in _doneMentees) U[i] -= best - _menteeDist[i];

        if (endMentor >= 0)
        {
            MoveChainForward(r, endMentor, endArc);
        }
        else if (endMentee != r)
        {
            int j = MentorOf[endMentee];
            Unassign(endMentee);
            MoveChainForward(r, j, _mentorPredArc[j]);
        }
        ResetScratch();
    }

    private void ScanMentee(int i, long d, ref long best, ref int endMentee, ref int endMentor, ref int endArc)
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
            _mentorDist[j] = nd; _mentorPred[j] = i; _mentorPredArc[j] = _rowArc[k];
            if (Load[j] < _cap[j]) { best = nd; endMentor = j; endMentee = -1; endArc = _rowArc[k]; }
            else _heap.Push(nd, j);
        }
    }

    /// <summary>Mentee pred[j] moves into j; the mentor it left takes its own pred; … back to r.</summary>
    private void MoveChainForward(int r, int j, int arc)
    {
        while (true)
        {
            int i = _mentorPred[j];
            int oldJ = MentorOf[i];
            if (oldJ >= 0) Unassign(i);
            Assign(i, j, arc);
            if (i == r) return;
            j = oldJ; arc = _mentorPredArc[j];
        }
    }

    /// <summary>
    /// Mentor r has a free slot and v_r &gt; 0: one reverse shortest-path step, which either gives it
    /// one more mentee or lowers some price (possibly v_r) to zero.
    /// </summary>
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
            _menteeDist[i] = nd; _menteePred[i] = j; _menteePredArc[i] = _colArc[k];
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
            Assign(i, j, _menteePredArc[i]);
            if (next < 0) return;
            i = next;
        }
    }

    private void Assign(int i, int j, int arc)
    {
        int s = _slotStart[j] + Load[j]++;
        SlotMentee[s] = i;
        MentorOf[i] = j; SlotOf[i] = s; ArcOf[i] = arc;
    }

    private void Unassign(int i)
    {
        int j = MentorOf[i];
        int last = _slotStart[j] + --Load[j];
        int s = SlotOf[i];
        int moved = SlotMentee[last];
        SlotMentee[s] = moved;
        SlotOf[moved] = s;
        MentorOf[i] = -1; SlotOf[i] = -1; ArcOf[i] = -1;
    }

    private void ResetScratch()
    {
        foreach (int j in _touchedMentors) { _mentorDist[j] = long.MaxValue; _mentorDone[j] = false; }
        foreach (int i in _touchedMentees) { _menteeDist[i] = long.MaxValue; _menteeDone[i] = false; }
        _touchedMentors.Clear(); _touchedMentees.Clear(); _doneMentors.Clear(); _doneMentees.Clear();
        _heap.Clear();
    }

    public MatchResult ToResult(ArcProblem p, long bigM)
    {
        int matched = 0;
        long total = 0;
        for (int i = 0; i < _n; i++)
        {
            if (MentorOf[i] < 0) continue;
            matched++;
            total += p.ArcScore[ArcOf[i]];
        }
        return new MatchResult((int[])MentorOf.Clone(), matched, total,
            new DualCertificate(bigM, (long[])U.Clone(), (long[])V.Clone()));
    }
}
