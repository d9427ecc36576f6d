using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tandem.Matching.Cohorts;

/// <summary>
/// A cohort compiled to flat arrays: ids, employers, cities and tags interned to ints or bit rows,
/// availability as a 21-bit mask. Every hard constraint is a few integer/bit operations and every
/// criterion a short loop, so <see cref="ScoreRow"/> allocates nothing per pair. Thread-safe after
/// construction (read-only).
/// </summary>
public sealed class CompiledCohort : IPairSource
{
    /// <summary>Integer scores are the 0..1 score × Scale, rounded.</summary>
    public const long Scale = 1_000_000;

    public const int CriterionCount = Criteria.Count;
    private const double MaxPersonalityDistance = 13.416407864998739; // √(5 · 6²)

    private readonly CohortInput _input;
    private readonly Dictionary<string, int> _menteeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _mentorIndex = new(StringComparer.Ordinal);
    private readonly double[] _weights = new double[CriterionCount];
    private readonly double _weightSum;
    private readonly int _minSharedSlots;

    // Mentee columns.
    private readonly byte[] _teTrackBit;
    private readonly int[] _teLevel, _teGender, _teEmployer, _teCity, _teIndustry, _teSlotCount, _teInterestCount, _teGoalCount;
    private readonly GenderPreference[] _teGenderPref;
    private readonly EmployerRule[] _teEmployerRule;
    private readonly MeetingMode[] _teMode;
    private readonly uint[] _teSlots;
    private readonly bool[] _teReverse, _teHasPersonality;
    private readonly double[] _tePersonality;

    // Mentor columns.
    private readonly byte[] _trTrackBits;
    private readonly int[] _trLevel, _trGender, _trEmployer, _trCity, _trIndustry, _trCapacity, _trInterestCount, _trExpertiseCount;
    private readonly GenderPreference[] _trGenderPref;
    private readonly MeetingMode[] _trMode;
    private readonly uint[] _trSlots;
    private readonly bool[] _trReverse, _trHasPersonality;
    private readonly double[] _trPersonality;

    private readonly BitRows _teLanguages, _trLanguages, _teInterests, _trInterests, _teGoals, _trExpertise;

    // Pair-specific facts (previous pairs, forbids, the mentee's ranking), per mentee, sorted by mentor.
    private readonly PairFact[][] _facts;

    private enum EmployerRule : byte { Any, Different, Same }

    private readonly record struct PairFact(int Mentor, Constraint Failures, int Rank);

    private CompiledCohort(CohortInput input)
    {
        _input = input;
        var mentees = input.Mentees;
        var mentors = input.Mentors;
        int n = mentees.Count, m = mentors.Count;
        for (var i = 0; i < n; i++)
            _menteeIndex.TryAdd(mentees[i].Id, i);
        for (var j = 0; j < m; j++)
            _mentorIndex.TryAdd(mentors[j].Id, j);

        foreach (var c in Criteria.All)
            _weights[(int)c.Criterion] = input.Weights[c.Criterion];
        foreach (var x in _weights)
            _weightSum += x;
        _minSharedSlots = input.Rules.MinSharedSlots;

        var genders = new Vocabulary();
        var employers = new Vocabulary();
        var cities = new Vocabulary();
        var industries = new Vocabulary();
        var languages = new Vocabulary();
        var interests = new Vocabulary();
        var expertise = new Vocabulary();
        var expertiseTokens = new List<string>[m];
        for (var j = 0; j < m; j++)
        {
            var p = mentors[j];
            foreach (var l in p.Languages) languages.Add(l);
            foreach (var t in p.Interests) interests.Add(t);
            expertiseTokens[j] = [.. p.Expertise.SelectMany(GoalTokens.Split)];
            foreach (var t in expertiseTokens[j]) expertise.Add(t);
        }
        foreach (var p in mentees)
        {
            foreach (var l in p.Languages) languages.Add(l);
            foreach (var t in p.Interests) interests.Add(t);
        }

        _teTrackBit = new byte[n];
        _teLevel = new int[n]; _teGender = new int[n]; _teEmployer = new int[n]; _teCity = new int[n];
        _teIndustry = new int[n]; _teSlotCount = new int[n]; _teInterestCount = new int[n]; _teGoalCount = new int[n];
        _teGenderPref = new GenderPreference[n]; _teEmployerRule = new EmployerRule[n]; _teMode = new MeetingMode[n];
        _teSlots = new uint[n]; _teReverse = new bool[n]; _teHasPersonality = new bool[n];
        _tePersonality = new double[n * 5];
        _teLanguages = new BitRows(n, languages.Count);
        _teInterests = new BitRows(n, interests.Count);
        _teGoals = new BitRows(n, expertise.Count);
        _facts = new PairFact[n][];

        var rules = input.Rules;
        var programRule = rules.InternalProgram ? EmployerRule.Same
            : rules.SameEmployerAllowed ? EmployerRule.Any : EmployerRule.Different;
        var pairFacts = new Dictionary<(int, int), PairFact>();
        void AddFact(int i, int j, Constraint failure, int rank)
        {
            var f = pairFacts.TryGetValue((i, j), out var old) ? old : new PairFact(j, Constraint.None, 0);
            pairFacts[(i, j)] = f with { Failures = f.Failures | failure, Rank = rank > 0 ? rank : f.Rank };
        }

        for (var i = 0; i < n; i++)
        {
            var p = mentees[i];
            _teTrackBit[i] = (byte)(1 << (int)p.Track);
            _teLevel[i] = (int)p.Seniority;
            _teGender[i] = genders.Add(p.Gender);
            _teGenderPref[i] = p.GenderPreference;
            _teEmployer[i] = employers.Add(p.Employer);
            _teEmployerRule[i] = rules.InternalProgram ? EmployerRule.Same
                : p.WantsInternal switch { true => EmployerRule.Same, false => EmployerRule.Different, null => programRule };
            _teCity[i] = cities.Add(p.City);
            _teMode[i] = p.MeetingMode;
            _teIndustry[i] = industries.Add(p.Industry);
            _teSlots[i] = SlotMask(p.Availability);
            _teSlotCount[i] = BitOperations.PopCount(_teSlots[i]);
            _teReverse[i] = p.OpenToReverse;
            _teHasPersonality[i] = CopyPersonality(p.Personality, _tePersonality, i);
            foreach (var l in p.Languages) _teLanguages.Set(i, languages.Find(l));
            foreach (var t in p.Interests) _teInterests.Set(i, interests.Find(t));
            _teInterestCount[i] = _teInterests.Count(i);
            foreach (var t in p.Goals.Tags.SelectMany(GoalTokens.Split).Concat(GoalTokens.Split(p.Goals.Text)))
            {
                var id = expertise.Find(t);
                if (id >= 0) _teGoals.Set(i, id);
            }
            _teGoalCount[i] = _teGoals.Count(i);
            for (var r = 0; r < p.RankedMentors.Count && r < 5; r++)
            {
                if (_mentorIndex.TryGetValue(p.RankedMentors[r], out var j))
                    AddFact(i, j, Constraint.None, r + 1);
            }
        }

        _trTrackBits = new byte[m];
        _trLevel = new int[m]; _trGender = new int[m]; _trEmployer = new int[m]; _trCity = new int[m];
        _trIndustry = new int[m]; _trCapacity = new int[m]; _trInterestCount = new int[m]; _trExpertiseCount = new int[m];
        _trGenderPref = new GenderPreference[m]; _trMode = new MeetingMode[m]; _trSlots = new uint[m];
        _trReverse = new bool[m]; _trHasPersonality = new bool[m]; _trPersonality = new double[m * 5];
        _trLanguages = new BitRows(m, languages.Count);
        _trInterests = new BitRows(m, interests.Count);
        _trExpertise = new BitRows(m, expertise.Count);
        for (var j = 0; j < m; j++)
        {
            var p = mentors[j];
            byte bits = 0;
            foreach (var t in p.Tracks)
            {
                if (t == Track.Standard || !rules.AdvancedRequiresExecutive || p.Seniority == Seniority.Executive)
                    bits |= (byte)(1 << (int)t);
            }
            _trTrackBits[j] = bits;
            _trLevel[j] = (int)p.Seniority;
            _trGender[j] = genders.Add(p.Gender);
            _trGenderPref[j] = p.GenderPreference;
            _trEmployer[j] = employers.Add(p.Employer);
            _trCity[j] = cities.Add(p.City);
            _trMode[j] = p.MeetingMode;
            _trIndustry[j] = industries.Add(p.Industry);
            _trCapacity[j] = p.Capacity;
            _trSlots[j] = SlotMask(p.Availability);
            _trReverse[j] = p.OpenToReverse;
            _trHasPersonality[j] = CopyPersonality(p.Personality, _trPersonality, j);
            foreach (var l in p.Languages) _trLanguages.Set(j, languages.Find(l));
            foreach (var t in p.Interests) _trInterests.Set(j, interests.Find(t));
            _trInterestCount[j] = _trInterests.Count(j);
            foreach (var t in expertiseTokens[j]) _trExpertise.Set(j, expertise.Find(t));
            _trExpertiseCount[j] = _trExpertise.Count(j);
        }

        foreach (var pair in input.PreviousPairs)
        {
            if (_menteeIndex.TryGetValue(pair.MenteeId, out var i) && _mentorIndex.TryGetValue(pair.MentorId, out var j))
                AddFact(i, j, Constraint.PreviousPair, 0);
        }
        foreach (var pair in input.Forbidden)
        {
            if (_menteeIndex.TryGetValue(pair.MenteeId, out var i) && _mentorIndex.TryGetValue(pair.MentorId, out var j))
                AddFact(i, j, Constraint.Forbidden, 0);
        }
        var perMentee = pairFacts.GroupBy(kv => kv.Key.Item1).ToDictionary(g => g.Key, g => g.Select(kv => kv.Value).OrderBy(f => f.Mentor).ToArray());
        for (var i = 0; i < n; i++)
            _facts[i] = perMentee.TryGetValue(i, out var fs) ? fs : [];
    }

    /// <summary>Compiles a cohort. The input should have passed <see cref="CohortValidator.Validate"/>.</summary>
    public static CompiledCohort Compile(CohortInput input) => new(input);

    public CohortInput Input => _input;
    public int MenteeCount => _teLevel.Length;
    public int MentorCount => _trLevel.Length;
    public int Capacity(int mentor) => _trCapacity[mentor];
    public double WeightSum => _weightSum;
    public double Weight(Criterion c) => _weights[(int)c];

    public int MenteeIndex(string id) => _menteeIndex.TryGetValue(id, out var i) ? i : -1;
    public int MentorIndex(string id) => _mentorIndex.TryGetValue(id, out var j) ? j : -1;

    /// <inheritdoc />
    public void ScoreRow(int mentee, Span<long> scores)
    {
        var m = MentorCount;
        if (scores.Length < m)
            throw new ArgumentException($"Needs room for {m} mentors.", nameof(scores));
        Span<double> values = stackalloc double[CriterionCount];
        for (var j = 0; j < m; j++)
        {
            if (!Allowed(mentee, j))
            {
                scores[j] = long.MinValue;
                continue;
            }
            EvaluateCriteria(mentee, j, 0, values);
            scores[j] = ToScaled(values);
        }
        foreach (var f in _facts[mentee])
        {
            if (f.Failures != Constraint.None)
                scores[f.Mentor] = long.MinValue;
            else if (scores[f.Mentor] != long.MinValue)
            {
                EvaluateCriteria(mentee, f.Mentor, f.Rank, values);
                scores[f.Mentor] = ToScaled(values);
            }
        }
    }

    /// <summary>Every hard constraint (mentor capacity aside) the pair breaks; <see cref="Constraint.None"/> when allowed.</summary>
    public Constraint Failures(int mentee, int mentor) => GeneralFailures(mentee, mentor) | Fact(mentee, mentor).Failures;

    /// <summary>The integer score the solver sees, or <see cref="long.MinValue"/> when the pair is not allowed.</summary>
    public long ScaledScore(int mentee, int mentor)
    {
        if (Failures(mentee, mentor) != Constraint.None)
            return long.MinValue;
        Span<double> values = stackalloc double[CriterionCount];
        EvaluateCriteria(mentee, mentor, Fact(mentee, mentor).Rank, values);
        return ToScaled(values);
    }

    /// <summary>The criterion values (each 0..1) of a pair, allowed or not.</summary>
    public void CriterionValues(int mentee, int mentor, Span<double> values) =>
        EvaluateCriteria(mentee, mentor, Fact(mentee, mentor).Rank, values);

    /// <summary>The mentee's rank (1..5) of this mentor, 0 when unranked.</summary>
    public int MenteeRank(int mentee, int mentor) => Fact(mentee, mentor).Rank;

    private PairFact Fact(int mentee, int mentor)
    {
        foreach (var f in _facts[mentee])
        {
            if (f.Mentor == mentor)
                return f;
        }
        return new PairFact(mentor, Constraint.None, 0);
    }

    /// <summary>Same rules as <see cref="GeneralFailures"/>, stopping at the first failure (the hot path).
    /// A test checks the two agree on every pair of a random cohort.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Allowed(int i, int j)
    {
        if (BitOperations.PopCount(_teSlots[i] & _trSlots[j]) < _minSharedSlots || (_teTrackBit[i] & _trTrackBits[j]) == 0)
            return false;
        if (_trLevel[j] < _teLevel[i] && !(_teReverse[i] && _trReverse[j]))
            return false;
        var rule = _teEmployerRule[i];
        if (rule != EmployerRule.Any)
        {
            var same = _teEmployer[i] >= 0 && _teEmployer[i] == _trEmployer[j];
            if (rule == EmployerRule.Same ? !same : same)
                return false;
        }
        MeetingMode a = _teMode[i], b = _trMode[j];
        if (a == MeetingMode.InPerson || b == MeetingMode.InPerson)
        {
            if (a == MeetingMode.Online || b == MeetingMode.Online || _teCity[i] < 0 || _teCity[i] != _trCity[j])
                return false;
        }
        if (!GenderAccepts(_teGenderPref[i], _teGender[i], _trGender[j]) || !GenderAccepts(_trGenderPref[j], _trGender[j], _teGender[i]))
            return false;
        return _teLanguages.Intersects(i, _trLanguages, j);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Constraint GeneralFailures(int i, int j)
    {
        var fail = Constraint.None;
        if ((_teTrackBit[i] & _trTrackBits[j]) == 0)
            fail |= Constraint.Track;

        var rule = _teEmployerRule[i];
        if (rule != EmployerRule.Any)
        {
            var same = _teEmployer[i] >= 0 && _teEmployer[i] == _trEmployer[j];
            if (rule == EmployerRule.Same ? !same : same)
                fail |= Constraint.Employer;
        }

        if (!GenderAccepts(_teGenderPref[i], _teGender[i], _trGender[j]))
            fail |= Constraint.MenteeGenderPreference;
        if (!GenderAccepts(_trGenderPref[j], _trGender[j], _teGender[i]))
            fail |= Constraint.MentorGenderPreference;

        if (!_teLanguages.Intersects(i, _trLanguages, j))
            fail |= Constraint.Language;

        MeetingMode a = _teMode[i], b = _trMode[j];
        if ((a == MeetingMode.Online && b == MeetingMode.InPerson) || (a == MeetingMode.InPerson && b == MeetingMode.Online))
            fail |= Constraint.MeetingMode;
        else if ((a == MeetingMode.InPerson || b == MeetingMode.InPerson) && (_teCity[i] < 0 || _teCity[i] != _trCity[j]))
            fail |= Constraint.City;

        if (BitOperations.PopCount(_teSlots[i] & _trSlots[j]) < _minSharedSlots)
            fail |= Constraint.Availability;

        if (_trLevel[j] < _teLevel[i] && !(_teReverse[i] && _trReverse[j]))
            fail |= Constraint.ReverseMentoring;
        return fail;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool GenderAccepts(GenderPreference pref, int own, int other) => pref switch
    {
        GenderPreference.Same => own >= 0 && own == other,
        GenderPreference.Cross => own >= 0 && other >= 0 && own != other,
        _ => true,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EvaluateCriteria(int i, int j, int rank, Span<double> v)
    {
        var shared = _teInterests.AndCount(i, _trInterests, j);
        var union = _teInterestCount[i] + _trInterestCount[j] - shared;
        v[(int)Criterion.Interests] = union == 0 ? 0 : (double)shared / union;

        var goalsMin = Math.Min(_teGoalCount[i], _trExpertiseCount[j]);
        v[(int)Criterion.Goals] = goalsMin == 0 ? 0 : (double)_teGoals.AndCount(i, _trExpertise, j) / goalsMin;

        v[(int)Criterion.Industry] = _teIndustry[i] >= 0 && _teIndustry[i] == _trIndustry[j] ? 1 : 0;

        if (_teHasPersonality[i] && _trHasPersonality[j])
        {
            double d2 = 0;
            for (var k = 0; k < 5; k++)
            {
                var d = _tePersonality[(i * 5) + k] - _trPersonality[(j * 5) + k];
                d2 += d * d;
            }
            v[(int)Criterion.Personality] = 1 - (Math.Sqrt(d2) / MaxPersonalityDistance);
        }
        else
            v[(int)Criterion.Personality] = 0.5;

        v[(int)Criterion.Availability] = _teSlotCount[i] == 0 ? 0 : (double)BitOperations.PopCount(_teSlots[i] & _trSlots[j]) / _teSlotCount[i];

        var gap = _trLevel[j] - _teLevel[i];
        v[(int)Criterion.SeniorityGap] = Math.Max(0, 1 - (Math.Abs(gap - 2) / 4.0));

        v[(int)Criterion.ReverseFit] = gap >= 0 ? 0.5 : _teReverse[i] && _trReverse[j] ? 1 : 0;

        v[(int)Criterion.MenteeRanking] = rank is >= 1 and <= 5 ? 1 - (0.2 * (rank - 1)) : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long ToScaled(ReadOnlySpan<double> values) => (long)Math.Round(Total(values) * Scale, MidpointRounding.AwayFromZero);

    /// <summary>Σ wᶜ·sᶜ / Σ wᶜ (0 when every weight is 0).</summary>
    public double Total(ReadOnlySpan<double> values)
    {
        if (_weightSum <= 0)
            return 0;
        double sum = 0;
        for (var c = 0; c < CriterionCount; c++)
            sum += _weights[c] * values[c];
        return Math.Clamp(sum / _weightSum, 0, 1);
    }

    /// <summary>A readable sentence for each hard constraint the pair breaks.</summary>
    public IReadOnlyList<ConstraintFailure> DescribeFailures(int i, int j)
    {
        var te = _input.Mentees[i];
        var tr = _input.Mentors[j];
        var list = new List<ConstraintFailure>();
        foreach (var c in ConstraintText.Each(Failures(i, j)))
            list.Add(new ConstraintFailure(c, Describe(c, te, tr)));
        return list;
    }

    private string Describe(Constraint c, MenteeProfile te, MentorProfile tr) => c switch
    {
        Constraint.Track when te.Track == Track.Advanced && _input.Rules.AdvancedRequiresExecutive && tr.Seniority != Seniority.Executive =>
            $"Advanced-track mentee {te.Id} needs an executive mentor; {tr.Id} is {Word(tr.Seniority)}.",
        Constraint.Track => $"Mentor {tr.Id} does not serve the {Word(te.Track)} track.",
        Constraint.Employer when _teEmployerRule[MenteeIndex(te.Id)] == EmployerRule.Same =>
            string.IsNullOrWhiteSpace(te.Employer) || string.IsNullOrWhiteSpace(tr.Employer)
                ? $"Needs a mentor from the same employer, and an employer is unknown (mentee: {Known(te.Employer)}, mentor: {Known(tr.Employer)})."
                : $"Needs a mentor from the same employer (mentee: {te.Employer}, mentor: {tr.Employer}).",
        Constraint.Employer => $"Both work for {te.Employer}; this program pairs across employers.",
        Constraint.MenteeGenderPreference => GenderText("Mentee", te.GenderPreference, te.Gender, "mentor", tr.Gender),
        Constraint.MentorGenderPreference => GenderText("Mentor", tr.GenderPreference, tr.Gender, "mentee", te.Gender),
        Constraint.Language => $"No language in common (mentee: {List(te.Languages)}; mentor: {List(tr.Languages)}).",
        Constraint.MeetingMode => te.MeetingMode == MeetingMode.Online
            ? "Mentee meets online only; mentor meets in person only."
            : "Mentee meets in person only; mentor meets online only.",
        Constraint.City => $"An in-person pair needs the same city (mentee: {Known(te.City)}, mentor: {Known(tr.City)}).",
        Constraint.Availability => string.Create(CultureInfo.InvariantCulture,
            $"{BitOperations.PopCount(SlotMask(te.Availability) & SlotMask(tr.Availability))} shared availability slot(s); {_minSharedSlots} needed."),
        Constraint.ReverseMentoring =>
            $"Mentor is {Word(tr.Seniority)}, more junior than the {Word(te.Seniority)} mentee; reverse mentoring needs both to opt in (mentee: {YesNo(te.OpenToReverse)}, mentor: {YesNo(tr.OpenToReverse)}).",
        Constraint.PreviousPair => "They were paired in an earlier cohort.",
        Constraint.Forbidden => "The coordinator forbade this pair.",
        _ => c.ToString(),
    };

    private static string GenderText(string side, GenderPreference pref, string? own, string otherSide, string? other)
    {
        var want = pref == GenderPreference.Same ? "the same gender" : "a different gender";
        if (string.IsNullOrWhiteSpace(own))
            return $"{side} asks for {want}, but the {side.ToLowerInvariant()}'s own gender is unknown.";
        if (string.IsNullOrWhiteSpace(other))
            return $"{side} asks for {want}, but the {otherSide}'s gender is unknown.";
        return $"{side} asks for {want} ({side.ToLowerInvariant()}: {own}, {otherSide}: {other}).";
    }

    internal static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicyCamel(value.ToString());

    private static string JsonNamingPolicyCamel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string Known(string? s) => string.IsNullOrWhiteSpace(s) ? "unknown" : s;

    private static string YesNo(bool b) => b ? "yes" : "no";

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    internal static uint SlotMask(IReadOnlyList<int> slots)
    {
        uint mask = 0;
        foreach (var s in slots)
        {
            if (s is >= 0 and < 21)
                mask |= 1u << s;
        }
        return mask;
    }

    private static bool CopyPersonality(IReadOnlyList<double>? values, double[] into, int row)
    {
        if (values is not { Count: 5 })
            return false;
        for (var k = 0; k < 5; k++)
            into[(row * 5) + k] = values[k];
        return true;
    }
}
