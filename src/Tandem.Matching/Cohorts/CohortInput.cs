namespace Tandem.Matching.Cohorts;

/// <summary>Everything needed to match one cohort. JSON (camelCase) via <see cref="CohortJson"/>.</summary>
public sealed record CohortInput
{
    public IReadOnlyList<MenteeProfile> Mentees { get; init; } = [];
    public IReadOnlyList<MentorProfile> Mentors { get; init; } = [];
    public MatchWeights Weights { get; init; } = new();
    public MatchRules Rules { get; init; } = new();

    /// <summary>Pairs from earlier cohorts; never repeated. Unknown ids are ignored (people from earlier cohorts).</summary>
    public IReadOnlyList<PairRef> PreviousPairs { get; init; } = [];

    /// <summary>Pairs the coordinator fixed by hand. A lock that breaks a hard constraint is a validation error.</summary>
    public IReadOnlyList<PairRef> Locked { get; init; } = [];

    /// <summary>Pairs the coordinator ruled out.</summary>
    public IReadOnlyList<PairRef> Forbidden { get; init; } = [];

    public MatchObjective Objective { get; init; } = MatchObjective.MostMatchedThenScore;
    public MatchMode Mode { get; init; } = MatchMode.Optimal;
}

public enum MatchMode { Optimal, Stable }

public enum Track { Standard, Advanced }

/// <summary>Ordered: the seniority gap criterion uses the distance between levels.</summary>
public enum Seniority { Entry, Junior, Mid, Senior, Executive }

public enum GenderPreference { Any, Same, Cross }

public enum MeetingMode { Either, Online, InPerson }

public sealed record PairRef(string MenteeId, string MentorId);

/// <summary>Mentee goals: tags and free text. Both are tokenised and compared with mentor expertise.</summary>
public sealed record MenteeGoals
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Text { get; init; }
}

public sealed record MenteeProfile
{
    public required string Id { get; init; }
    public Track Track { get; init; } = Track.Standard;
    public Seniority Seniority { get; init; } = Seniority.Junior;
    public string? Gender { get; init; }
    public GenderPreference GenderPreference { get; init; } = GenderPreference.Any;
    public string? Employer { get; init; }
    public string? City { get; init; }
    public MeetingMode MeetingMode { get; init; } = MeetingMode.Either;
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Slot indices 0..20: day × 3 + (0 morning, 1 afternoon, 2 evening), day 0 = Monday.</summary>
    public IReadOnlyList<int> Availability { get; init; } = [];
    public IReadOnlyList<string> Interests { get; init; } = [];
    public MenteeGoals Goals { get; init; } = new();
    public string? Industry { get; init; }

    /// <summary>Big-Five scores (openness, conscientiousness, extraversion, agreeableness, neuroticism), each 1..7.</summary>
    public IReadOnlyList<double>? Personality { get; init; }
    public bool OpenToReverse { get; init; }

    /// <summary>true: wants a mentor from the same employer; false: from another; null: the program's rule.</summary>
    public bool? WantsInternal { get; init; }

    /// <summary>Up to 5 mentor ids, best first.</summary>
    public IReadOnlyList<string> RankedMentors { get; init; } = [];
}

public sealed record MentorProfile
{
    public required string Id { get; init; }
    public Seniority Seniority { get; init; } = Seniority.Senior;
    public string? Gender { get; init; }
    public GenderPreference GenderPreference { get; init; } = GenderPreference.Any;
    public string? Employer { get; init; }
    public string? City { get; init; }
    public MeetingMode MeetingMode { get; init; } = MeetingMode.Either;
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<int> Availability { get; init; } = [];
    public IReadOnlyList<string> Interests { get; init; } = [];
    public IReadOnlyList<string> Expertise { get; init; } = [];
    public string? Industry { get; init; }
    public IReadOnlyList<double>? Personality { get; init; }

    /// <summary>How many mentees this mentor takes, 1..5.</summary>
    public int Capacity { get; init; } = 1;
    public IReadOnlyList<Track> Tracks { get; init; } = [Track.Standard];
    public bool OpenToReverse { get; init; }
}

/// <summary>
/// One weight per criterion of <see cref="Criteria"/>, each ≥ 0; an absent one keeps its default. The total score
/// is Σ wᶜ·sᶜ / Σ wᶜ. The weights live in one array indexed by criterion (read them with the indexer when looping
/// over <see cref="Criteria.All"/>); a property per criterion keeps files and requests readable
/// (<c>"weights": { "goals": 2 }</c>). Not sealed: a request or form that carries more than the weights (the
/// program's matching rules, the run's mode) extends it, so the criteria are listed here only.
/// </summary>
public record MatchWeights
{
    private readonly double[] _values = Criteria.All.Select(c => c.DefaultWeight).ToArray();

    public MatchWeights()
    {
    }

    protected MatchWeights(MatchWeights original)
    {
        ArgumentNullException.ThrowIfNull(original);
        _values = (double[])original._values.Clone();
    }

    /// <summary>Every weight 0: no criterion counts (a start for forms where a weight left out means 0).</summary>
    public static MatchWeights None { get; } = Criteria.All.Aggregate(new MatchWeights(), (w, c) => w.With(c.Criterion, 0));

    public double this[Criterion criterion] => _values[(int)criterion];

    public double Interests { get => this[Criterion.Interests]; init => _values[(int)Criterion.Interests] = value; }
    public double Goals { get => this[Criterion.Goals]; init => _values[(int)Criterion.Goals] = value; }
    public double Industry { get => this[Criterion.Industry]; init => _values[(int)Criterion.Industry] = value; }
    public double Personality { get => this[Criterion.Personality]; init => _values[(int)Criterion.Personality] = value; }
    public double Availability { get => this[Criterion.Availability]; init => _values[(int)Criterion.Availability] = value; }
    public double SeniorityGap { get => this[Criterion.SeniorityGap]; init => _values[(int)Criterion.SeniorityGap] = value; }
    public double ReverseFit { get => this[Criterion.ReverseFit]; init => _values[(int)Criterion.ReverseFit] = value; }
    public double MenteeRanking { get => this[Criterion.MenteeRanking]; init => _values[(int)Criterion.MenteeRanking] = value; }

    /// <summary>Just the weights, without what an extending request or form carries.</summary>
    public MatchWeights ToWeights() => new(this);

    /// <summary>The same weights with one changed.</summary>
    public MatchWeights With(Criterion criterion, double weight)
    {
        var copy = this with { };
        copy._values[(int)criterion] = weight;
        return copy;
    }

    public virtual bool Equals(MatchWeights? other) =>
        other is not null && EqualityContract == other.EqualityContract && _values.AsSpan().SequenceEqual(other._values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values)
            hash.Add(v);
        return hash.ToHashCode();
    }
}

public sealed record MatchRules
{
    /// <summary>Whether a mentee may be paired with a mentor from the same employer.</summary>
    public bool SameEmployerAllowed { get; init; }

    /// <summary>An internal (corporate) program: mentee and mentor must share the employer.</summary>
    public bool InternalProgram { get; init; }

    /// <summary>Shared availability slots a pair needs, 0..21.</summary>
    public int MinSharedSlots { get; init; } = 1;

    /// <summary>Advanced-track mentees only with executive (C-suite) mentors.</summary>
    public bool AdvancedRequiresExecutive { get; init; } = true;
}
