using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Tandem.Matching;
using Tandem.Matching.Solver;

namespace Tandem.Benchmarks;

/// <summary>
/// Fixed-seed synthetic cohort scored on demand. Latent 16-dimensional tastes (float) for both
/// sides plus a mentor popularity term; 10% Advanced mentees may only take the 20% C-suite mentors;
/// 30% of mentees want a same-gender mentor; employer from 2,000 (same employer not allowed);
/// 21 weekly slots as bitmasks with at least 2 shared; capacities 1–5.
/// score = round(1000 · (taste_i · taste_j + popularity_j)).
/// </summary>
public sealed class SyntheticPairSource : IPairTileSource
{
    public const int Dims = 16;
    private const int Block = 8;
    private readonly float[] _mentorTasteBlocked; // [(j / 8) * 16 * 8 + d * 8 + j % 8]: 8 mentors per vector
    private readonly float[] _mentorTaste16;      // [(j / 16) * 16 * 16 + d * 16 + j % 16]: 16 mentors per Vector512
    private readonly float[] _menteeTaste;      // [i * Dims + d]
    private readonly float[] _popularity;
    private readonly int[] _mentorEmployer, _mentorSlots, _capacity;
    private readonly byte[] _mentorGender, _mentorCsuite;
    private readonly int[] _menteeEmployer, _menteeSlots;
    private readonly byte[] _menteeGender, _menteeSameGender, _menteeAdvanced;
    private readonly int _mPadded;
    private readonly int[] _mentorEmployerP, _mentorSlotsP, _mentorFlagsP; // padded copies for vector loads
    private readonly float[] _popularityP;

    public SyntheticPairSource(int mentees, int mentors, int seed = 2026)
    {
        MenteeCount = mentees;
        MentorCount = mentors;
        _mPadded = (mentors + 15) & ~15;
        var rng = new Random(seed);
        _mentorTasteBlocked = new float[Dims * _mPadded];
        _mentorTaste16 = new float[Dims * _mPadded];
        _menteeTaste = new float[mentees * Dims];
        _popularity = new float[mentors];
        _mentorEmployer = new int[mentors]; _mentorSlots = new int[mentors]; _capacity = new int[mentors];
        _mentorGender = new byte[mentors]; _mentorCsuite = new byte[mentors];
        for (int j = 0; j < mentors; j++)
        {
            for (int d = 0; d < Dims; d++)
            {
                float t = Gaussian(rng) * 0.5f;
                _mentorTasteBlocked[(j / Block) * Dims * Block + d * Block + j % Block] = t;
                _mentorTaste16[(j / 16) * Dims * 16 + d * 16 + j % 16] = t;
            }
            // heavy tail: a few mentors everybody wants
            _popularity[j] = (float)(-Math.Log(1 - rng.NextDouble()) * 0.5);
            _mentorEmployer[j] = rng.Next(2000);
            _mentorSlots[j] = Slots(rng);
            _capacity[j] = rng.Next(1, 6);
            _mentorGender[j] = (byte)rng.Next(2);
            _mentorCsuite[j] = (byte)(rng.NextDouble() < 0.2 ? 1 : 0);
        }
        _mentorEmployerP = new int[_mPadded]; _mentorSlotsP = new int[_mPadded]; _mentorFlagsP = new int[_mPadded]; _popularityP = new float[_mPadded];
        for (int j = 0; j < mentors; j++)
        {
            _mentorEmployerP[j] = _mentorEmployer[j];
            _mentorSlotsP[j] = _mentorSlots[j];
            _mentorFlagsP[j] = _mentorGender[j] | (_mentorCsuite[j] << 1);
            _popularityP[j] = _popularity[j];
        }
        _menteeEmployer = new int[mentees]; _menteeSlots = new int[mentees];
        _menteeGender = new byte[mentees]; _menteeSameGender = new byte[mentees]; _menteeAdvanced = new byte[mentees];
        for (int i = 0; i < mentees; i++)
        {
            for (int d = 0; d < Dims; d++) _menteeTaste[i * Dims + d] = Gaussian(rng) * 0.5f;
            _menteeEmployer[i] = rng.Next(2000);
            _menteeSlots[i] = Slots(rng);
            _menteeGender[i] = (byte)rng.Next(2);
            _menteeSameGender[i] = (byte)(rng.NextDouble() < 0.3 ? 1 : 0);
            _menteeAdvanced[i] = (byte)(rng.NextDouble() < 0.1 ? 1 : 0);
        }
    }

    public int MenteeCount { get; }
    public int MentorCount { get; }
    public int Capacity(int mentor) => _capacity[mentor];

    public void ScoreRow(int mentee, Span<long> scores)
    {
        if (scores.Length < MentorCount) throw new ArgumentException("Row buffer too short.", nameof(scores));
        int employer = _menteeEmployer[mentee], slots = _menteeSlots[mentee];
        // flags: bit 0 gender, bit 1 C-suite
        int reqMask = (_menteeAdvanced[mentee] != 0 ? 2 : 0) | (_menteeSameGender[mentee] != 0 ? 1 : 0);
        int reqVal = (_menteeAdvanced[mentee] != 0 ? 2 : 0) | (_menteeSameGender[mentee] != 0 ? _menteeGender[mentee] : 0);
        Span<Vector256<float>> taste = stackalloc Vector256<float>[Dims];
        for (int d = 0; d < Dims; d++) taste[d] = Vector256.Create(_menteeTaste[mentee * Dims + d]);
        var vEmp = Vector256.Create(employer);
        var vSlots = Vector256.Create(slots);
        var vMask = Vector256.Create(reqMask);
        var vVal = Vector256.Create(reqVal);
        var thousand = Vector256.Create(1000f);
        var notAllowed = Vector256.Create(long.MinValue);
        ref float tasteRef = ref MemoryMarshal.GetArrayDataReference(_mentorTasteBlocked);
        ref int empRef = ref MemoryMarshal.GetArrayDataReference(_mentorEmployerP);
        ref int slotRef = ref MemoryMarshal.GetArrayDataReference(_mentorSlotsP);
        ref int flagRef = ref MemoryMarshal.GetArrayDataReference(_mentorFlagsP);
        ref float popRef = ref MemoryMarshal.GetArrayDataReference(_popularityP);
        Span<long> tail = stackalloc long[Block];
        int m = MentorCount;
        for (int j = 0; j < m; j += Block)
        {
            ref float block = ref Unsafe.Add(ref tasteRef, j * Dims);
            var acc = Vector256.LoadUnsafe(ref popRef, (nuint)j);
            for (int d = 0; d < Dims; d++)
                acc = Vector256.FusedMultiplyAdd(taste[d], Vector256.LoadUnsafe(ref block, (nuint)(d * Block)), acc);
            var score = Vector256.ConvertToInt32(Vector256.Round(acc * thousand));
            var shared = Vector256.LoadUnsafe(ref slotRef, (nuint)j) & vSlots;
            var ok = ~Vector256.Equals(Vector256.LoadUnsafe(ref empRef, (nuint)j), vEmp)
                & ~Vector256.Equals(shared & (shared - Vector256<int>.One), Vector256<int>.Zero)
                & Vector256.Equals(Vector256.LoadUnsafe(ref flagRef, (nuint)j) & vMask, vVal);
            var (lo, hi) = Vector256.Widen(score);
            var (okLo, okHi) = Vector256.Widen(ok);
            lo = Vector256.ConditionalSelect(okLo, lo, notAllowed);
            hi = Vector256.ConditionalSelect(okHi, hi, notAllowed);
            if (j + Block <= m)
            {
                lo.CopyTo(scores.Slice(j, 4));
                hi.CopyTo(scores.Slice(j + 4, 4));
            }
            else
            {
                lo.CopyTo(tail);
                hi.CopyTo(tail[4..]);
                tail[..(m - j)].CopyTo(scores[j..]);
            }
        }
    }

    /// <summary>
    /// Up to 8 mentees against a block of mentors: each group of 16 mentors (one Vector512 per taste
    /// dimension, held in registers) is scored for every mentee of the tile before moving on, so the
    /// mentor data is read once per tile instead of once per mentee. Same arithmetic as ScoreRow.
    /// </summary>
    public void ScoreTile(ReadOnlySpan<int> mentees, int mentorStart, int mentorCount, Span<long> scores)
    {
        if (!Vector512.IsHardwareAccelerated || (mentorStart & 15) != 0 || mentees.Length > 8)
        {
            Span<long> row = new long[MentorCount];
            for (int r = 0; r < mentees.Length; r++)
            {
                ScoreRow(mentees[r], row);
                row.Slice(mentorStart, mentorCount).CopyTo(scores.Slice(r * mentorCount, mentorCount));
            }
            return;
        }
        var thousand = Vector512.Create(1000f);
        var notAllowed = Vector512.Create(long.MinValue);
        ref float tasteRef = ref MemoryMarshal.GetArrayDataReference(_mentorTaste16);
        ref int empRef = ref MemoryMarshal.GetArrayDataReference(_mentorEmployerP);
        ref int slotRef = ref MemoryMarshal.GetArrayDataReference(_mentorSlotsP);
        ref int flagRef = ref MemoryMarshal.GetArrayDataReference(_mentorFlagsP);
        ref float popRef = ref MemoryMarshal.GetArrayDataReference(_popularityP);
        ref long outRef = ref MemoryMarshal.GetReference(scores);
        Span<long> tail = stackalloc long[16];
        int end = Math.Min(MentorCount, mentorStart + mentorCount);
        for (int r = 0; r < mentees.Length; r++)
        {
            // The mentee's 16 tastes stay in registers; the block's mentors stream from L2 (the
            // same block for every mentee of the tile), 16 per Vector512.
            int i = mentees[r];
            ref float mine = ref _menteeTaste[i * Dims];
            var t0 = Vector512.Create(Unsafe.Add(ref mine, 0)); var t1 = Vector512.Create(Unsafe.Add(ref mine, 1));
            var t2 = Vector512.Create(Unsafe.Add(ref mine, 2)); var t3 = Vector512.Create(Unsafe.Add(ref mine, 3));
            var t4 = Vector512.Create(Unsafe.Add(ref mine, 4)); var t5 = Vector512.Create(Unsafe.Add(ref mine, 5));
            var t6 = Vector512.Create(Unsafe.Add(ref mine, 6)); var t7 = Vector512.Create(Unsafe.Add(ref mine, 7));
            var t8 = Vector512.Create(Unsafe.Add(ref mine, 8)); var t9 = Vector512.Create(Unsafe.Add(ref mine, 9));
            var t10 = Vector512.Create(Unsafe.Add(ref mine, 10)); var t11 = Vector512.Create(Unsafe.Add(ref mine, 11));
            var t12 = Vector512.Create(Unsafe.Add(ref mine, 12)); var t13 = Vector512.Create(Unsafe.Add(ref mine, 13));
            var t14 = Vector512.Create(Unsafe.Add(ref mine, 14)); var t15 = Vector512.Create(Unsafe.Add(ref mine, 15));
            var emp = Vector512.Create(_menteeEmployer[i]);
            var slots = Vector512.Create(_menteeSlots[i]);
            var mask = Vector512.Create((_menteeAdvanced[i] != 0 ? 2 : 0) | (_menteeSameGender[i] != 0 ? 1 : 0));
            var val = Vector512.Create((_menteeAdvanced[i] != 0 ? 2 : 0) | (_menteeSameGender[i] != 0 ? _menteeGender[i] : 0));
            ref long rowOut = ref Unsafe.Add(ref outRef, r * mentorCount);
            for (int j = mentorStart; j < end; j += 16)
            {
                ref float b = ref Unsafe.Add(ref tasteRef, j * Dims);
                var acc = Vector512.LoadUnsafe(ref popRef, (nuint)j);
                acc = Vector512.FusedMultiplyAdd(t0, Vector512.LoadUnsafe(ref b, 0), acc);
                acc = Vector512.FusedMultiplyAdd(t1, Vector512.LoadUnsafe(ref b, 16), acc);
                acc = Vector512.FusedMultiplyAdd(t2, Vector512.LoadUnsafe(ref b, 32), acc);
                acc = Vector512.FusedMultiplyAdd(t3, Vector512.LoadUnsafe(ref b, 48), acc);
                acc = Vector512.FusedMultiplyAdd(t4, Vector512.LoadUnsafe(ref b, 64), acc);
                acc = Vector512.FusedMultiplyAdd(t5, Vector512.LoadUnsafe(ref b, 80), acc);
                acc = Vector512.FusedMultiplyAdd(t6, Vector512.LoadUnsafe(ref b, 96), acc);
                acc = Vector512.FusedMultiplyAdd(t7, Vector512.LoadUnsafe(ref b, 112), acc);
                acc = Vector512.FusedMultiplyAdd(t8, Vector512.LoadUnsafe(ref b, 128), acc);
                acc = Vector512.FusedMultiplyAdd(t9, Vector512.LoadUnsafe(ref b, 144), acc);
                acc = Vector512.FusedMultiplyAdd(t10, Vector512.LoadUnsafe(ref b, 160), acc);
                acc = Vector512.FusedMultiplyAdd(t11, Vector512.LoadUnsafe(ref b, 176), acc);
                acc = Vector512.FusedMultiplyAdd(t12, Vector512.LoadUnsafe(ref b, 192), acc);
                acc = Vector512.FusedMultiplyAdd(t13, Vector512.LoadUnsafe(ref b, 208), acc);
                acc = Vector512.FusedMultiplyAdd(t14, Vector512.LoadUnsafe(ref b, 224), acc);
                acc = Vector512.FusedMultiplyAdd(t15, Vector512.LoadUnsafe(ref b, 240), acc);
                var score = Vector512.ConvertToInt32(Vector512.Round(acc * thousand));
                var shared = Vector512.LoadUnsafe(ref slotRef, (nuint)j) & slots;
                var ok = ~Vector512.Equals(Vector512.LoadUnsafe(ref empRef, (nuint)j), emp)
                    & ~Vector512.Equals(shared & (shared - Vector512<int>.One), Vector512<int>.Zero)
                    & Vector512.Equals(Vector512.LoadUnsafe(ref flagRef, (nuint)j) & mask, val);
                var (lo, hi) = Vector512.Widen(score);
                var (okLo, okHi) = Vector512.Widen(ok);
                lo = Vector512.ConditionalSelect(okLo, lo, notAllowed);
                hi = Vector512.ConditionalSelect(okHi, hi, notAllowed);
                int c = j - mentorStart;
                if (j + 16 <= end)
                {
                    lo.StoreUnsafe(ref rowOut, (nuint)c);
                    hi.StoreUnsafe(ref rowOut, (nuint)(c + 8));
                }
                else
                {
                    lo.CopyTo(tail);
                    hi.CopyTo(tail[8..]);
                    tail[..(end - j)].CopyTo(scores.Slice(r * mentorCount + c, end - j));
                }
            }
        }
    }

    private static int Slots(Random rng)
    {
        int mask = 0;
        for (int s = 0; s < 21; s++)
        {
            if (rng.NextDouble() < 0.35) mask |= 1 << s;
        }
        return mask;
    }

    private static float Gaussian(Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Each mentee's top-k pairs as an arc problem (what a plain shortlist would give).</summary>
    public ArcProblem TopArcs(int k, int threads)
    {
        int n = MenteeCount;
        var mentors = new int[n][];
        var scores = new long[n][];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var row = new long[MentorCount];
            var top = new Tandem.Matching.Solver.TopK(k);
            for (int i = t; i < n; i += threads)
            {
                ScoreRow(i, row);
                top.Clear();
                for (int j = 0; j < MentorCount; j++)
                {
                    if (row[j] != long.MinValue) top.Offer(row[j], j);
                }
                var chosen = top.Items();
                mentors[i] = chosen;
                scores[i] = new long[chosen.Length];
                for (int q = 0; q < chosen.Length; q++) scores[i][q] = row[chosen[q]];
            }
        });
        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + mentors[i].Length;
        var am = new int[rowStart[n]];
        var asc = new long[rowStart[n]];
        for (int i = 0; i < n; i++) { mentors[i].CopyTo(am, rowStart[i]); scores[i].CopyTo(asc, rowStart[i]); }
        var caps = new int[MentorCount];
        for (int j = 0; j < caps.Length; j++) caps[j] = _capacity[j];
        return new ArcProblem { MenteeCount = n, MentorCount = MentorCount, Capacities = caps, RowStart = rowStart, ArcMentor = am, ArcScore = asc };
    }
}
