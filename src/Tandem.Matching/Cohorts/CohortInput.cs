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

/// <summary>One weight per criterion, each ≥ 0. The total score is Σ wᶜ·sᶜ / Σ wᶜ.</summary>
public sealed record MatchWeights
{
    public double Interests { get; init; } = 1;
    public double Goals { get; init; } = 2;
    public double Industry { get; init; } = 0.5;
    public double Personality { get; init; } = 0.5;
    public double Availability { get; init; } = 1;
    public double SeniorityGap { get; init; } = 1;
    public double ReverseFit { get; init; } = 0.5;
    public double MenteeRanking { get; init; } = 1.5;
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
