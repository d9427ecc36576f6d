namespace Tandem.Matching.Solver;

/// <summary>
/// Successive shortest augmenting paths (Hungarian / Jonker–Volgenant style) for b-matching,
/// one mentee at a time, keeping at every step:
///   u, v ≥ 0; reduced cost u_i + v_j − w_ij ≥ 0 on every arc; matched arcs tight;
///   unmatched processed mentees have u = 0; mentors below capacity have v = 0.
/// Inserting mentee r runs Dijkstra on reduced costs over the alternating graph and stops at the
/// cheapest of: a mentor with spare capacity (augment), or a mentee whose price would reach zero
/// (it drops out, possibly r itself). Arcs with w ≤ 0 are never worth taking and are skipped; they
/// satisfy the dual constraint trivially because prices are non-negative.
/// </summary>
internal sealed class AugmentingPathEngine
{
    private readonly int _n, _m;
    private readonly int[] _rowStart, _arcMentor, _cap, _slotStart;
    private readonly long[] _w;
    internal readonly long[] U, V;
    internal readonly int[] MentorOf, SlotOf, Load, SlotMentee, ArcOf;

    // Dijkstra scratch, reset through the touched lists.
    private readonly long[] _dist, _menteeDist;
    private readonly int[] _pred, _predArc;
    private readonly bool[] _done;
    private readonly List<int> _touched = new(), _popped = new(), _labeled = new();
    private readonly MinHeap _heap = new();

    public AugmentingPathEngine(ArcProblem p, long[] w)
    {
        _n = p.MenteeCount; _m = p.MentorCount;
        _rowStart = p.RowStart; _arcMentor = p.ArcMentor; _w = w;
        _cap = p.Capacities;
        var indeg = new int[_m];
        foreach (int j in _arcMentor) indeg[j]++;
        _slotStart = new int[_m + 1];
        for (int j = 0; j < _m; j++) _slotStart[j + 1] = _slotStart[j] + Math.Min(_cap[j], indeg[j]);
        SlotMentee = new int[_slotStart[_m]];
        U = new long[_n]; V = new long[_m];
        MentorOf = new int[_n]; SlotOf = new int[_n]; ArcOf = new int[_n];
        Array.Fill(MentorOf, -1); Array.Fill(SlotOf, -1); Array.Fill(ArcOf, -1);
        Load = new int[_m];
        _dist = new long[_m]; Array.Fill(_dist, long.MaxValue);
        _menteeDist = new long[_n];
        _pred = new int[_m]; _predArc = new int[_m];
        _done = new bool[_m];
    }

    public void Run(CancellationToken ct)
    {
        for (int r = 0; r < _n; r++)
        {
            if ((r & 255) == 0) ct.ThrowIfCancellationRequested();
            Insert(r);
        }
    }

    /// <summary>Adds unprocessed (or freshly unmatched, u = 0) mentee r to the optimal matching.</summary>
    internal void Insert(int r)
    {
        long ur = 0;
        for (int a = _rowStart[r]; a < _rowStart[r + 1]; a++)
        {
            long red = _w[a] - V[_arcMentor[a]];
            if (red > ur) ur = red;
        }
        U[r] = ur;
        if (ur == 0) return; // nothing positive to gain: stays unmatched with u = 0

        long best = ur; // dropping r itself
        int endMentee = r, endMentor = -1, endArc = -1;
        _menteeDist[r] = 0;
        _labeled.Add(r);
        Scan(r, 0, ref best, ref endMentee, ref endMentor, ref endArc);

        while (_heap.Count > 0)
        {
            var (d, j) = _heap.Pop();
            if (_done[j] || d != _dist[j]) continue;
            if (d >= best) break;
            _done[j] = true;
            _popped.Add(j);
            for (int s = _slotStart[j], e = _slotStart[j] + Load[j]; s < e; s++)
            {
                int i = SlotMentee[s];
                _menteeDist[i] = d;
                _labeled.Add(i);
                if (d + U[i] < best) { best = d + U[i]; endMentee = i; endMentor = -1; endArc = -1; }
                Scan(i, d, ref best, ref endMentee, ref endMentor, ref endArc);
            }
        }

        foreach (int j in _popped) V[j] += best - _dist[j];
        foreach (int i in _labeled) U[i] -= best - _menteeDist[i];

        if (endMentor >= 0)
        {
            int slot = _slotStart[endMentor] + Load[endMentor]++;
            Augment(r, endMentor, slot, endArc);
        }
        else if (endMentee != r)
        {
            int j = MentorOf[endMentee], slot = SlotOf[endMentee];
            MentorOf[endMentee] = -1; SlotOf[endMentee] = -1; ArcOf[endMentee] = -1;
            Augment(r, j, slot, _predArc[j]);
        }

        foreach (int j in _touched) { _dist[j] = long.MaxValue; _done[j] = false; }
        _touched.Clear(); _popped.Clear(); _labeled.Clear(); _heap.Clear();
    }

    private void Scan(int i, long d, ref long best, ref int endMentee, ref int endMentor, ref int endArc)
    {
        long baseCost = d + U[i];
        int own = MentorOf[i];
        for (int a = _rowStart[i]; a < _rowStart[i + 1]; a++)
        {
            long w = _w[a];
            if (w <= 0) continue;
            int j = _arcMentor[a];
            if (j == own || _done[j]) continue;
            long nd = baseCost + V[j] - w;
            if (nd >= _dist[j]) continue;
            if (_dist[j] == long.MaxValue) _touched.Add(j);
            _dist[j] = nd; _pred[j] = i; _predArc[j] = a;
            if (Load[j] < _cap[j])
            {
                if (nd < best) { best = nd; endMentor = j; endMentee = -1; endArc = a; }
            }
            else if (nd < best)
            {
                _heap.Push(nd, j);
            }
        }
    }

    /// <summary>Walks predecessors back to r, moving each mentee into the slot freed after it.</summary>
    private void Augment(int r, int j, int slot, int arc)
    {
        while (true)
        {
            int i = _pred[j];
            int oldJ = MentorOf[i], oldSlot = SlotOf[i];
            MentorOf[i] = j; SlotOf[i] = slot; ArcOf[i] = arc; SlotMentee[slot] = i;
            if (i == r) return;
            j = oldJ; slot = oldSlot; arc = _predArc[j];
        }
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
