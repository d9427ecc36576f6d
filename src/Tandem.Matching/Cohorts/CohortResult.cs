namespace Tandem.Matching.Cohorts;

/// <summary>The outcome of matching a cohort. When <see cref="Errors"/> is not empty nothing was matched.</summary>
public sealed record CohortResult
{
    public bool Valid => Errors.Count == 0;
    public IReadOnlyList<CohortError> Errors { get; init; } = [];
    public MatchMode Mode { get; init; }
    public MatchObjective Objective { get; init; }
    public CohortTotals? Totals { get; init; }

    /// <summary>Proposed pairs in input order of the mentees.</summary>
    public IReadOnlyList<ProposedPair> Pairs { get; init; } = [];
    public IReadOnlyList<UnmatchedMentee> UnmatchedMentees { get; init; } = [];

    /// <summary>Mentors left without any mentee.</summary>
    public IReadOnlyList<UnmatchedMentor> UnmatchedMentors { get; init; } = [];
}

/// <param name="TotalScore">Sum of the pairs' 0..1 scores.</param>
/// <param name="TotalScaledScore">The same in the solver's integer units (score × 1,000,000, rounded per pair).</param>
/// <param name="FeasiblePairs">Mentee × mentor pairs that pass every hard constraint.</param>
/// <param name="Certificate">Independent check of the optimality proof (optimal mode; in stable mode, of the optimum the gap is measured against).</param>
/// <param name="StableGap">Stable mode only: how far the stable matching is from the optimum.</param>
public sealed record CohortTotals(
    int Mentees,
    int Mentors,
    int Matched,
    int Locked,
    int SpareCapacity,
    double TotalScore,
    long TotalScaledScore,
    double MeanScore,
    long FeasiblePairs,
    CertificateCheck Certificate,
    StableGap? StableGap);

/// <param name="Verified">True when the dual certificate proves the matching optimal for the objective.</param>
public sealed record CertificateCheck(bool Verified, string Detail);

/// <param name="OptimalMatched">Pairs an optimal matching (same objective) makes.</param>
/// <param name="OptimalTotalScore">Its total score.</param>
/// <param name="ScoreGap">Optimal total − stable total (≥ 0 when both match as many).</param>
/// <param name="MatchedGap">Optimal matched − stable matched.</param>
public sealed record StableGap(int OptimalMatched, double OptimalTotalScore, double ScoreGap, int MatchedGap);

/// <param name="Score">0..1, Σ wᶜ·sᶜ / Σ wᶜ.</param>
/// <param name="Rank">1 = the best-scoring of the mentee's allowed mentors (ties share a rank).</param>
/// <param name="AllowedMentors">How many mentors the mentee could have had.</param>
/// <param name="Why">The criteria that contributed most, in a sentence.</param>
public sealed record ProposedPair(
    string MenteeId,
    string MentorId,
    double Score,
    bool Locked,
    int Rank,
    int AllowedMentors,
    string Why,
    IReadOnlyList<CriterionScore> Breakdown);

/// <param name="Value">The criterion's 0..1 value for this pair.</param>
/// <param name="Contribution">weight · value / Σ weights: the contributions add up to the score.</param>
public sealed record CriterionScore(Criterion Criterion, double Weight, double Value, double Contribution);

/// <summary>How many mentors (or mentees) a hard constraint ruled out, with a few ids and one example sentence.</summary>
/// <param name="OnlyReason">How many of them this constraint alone ruled out.</param>
public sealed record ExclusionCount(Constraint Reason, int Count, int OnlyReason, IReadOnlyList<string> Examples, string ExampleMessage);

/// <summary>An allowed mentor who had no place left.</summary>
/// <param name="PairScore">What this mentee would have scored with the mentor.</param>
/// <param name="LowestAssignedScore">The weakest pair the mentor got instead.</param>
/// <param name="PlaceValue">The mentor's dual price in score units: what one of the mentor's places is worth to the cohort's optimum.</param>
/// <param name="TakenByBetterPairs">The dual price proves the places are worth at least this pair.</param>
public sealed record FullMentor(
    string MentorId,
    double PairScore,
    int Capacity,
    IReadOnlyList<string> AssignedMentees,
    double LowestAssignedScore,
    double? PlaceValue,
    bool TakenByBetterPairs,
    string Detail);

/// <param name="Allowed">False when the mentor breaks a hard constraint (see <see cref="WhatItWouldTake"/>).</param>
/// <param name="Needs">The hard constraints the pair breaks (none when allowed), so a caller can word <see cref="WhatItWouldTake"/> in its own language.</param>
public sealed record Alternative(string MentorId, double Score, bool Allowed, string WhatItWouldTake, Constraint Needs = Constraint.None);

/// <param name="FullMentorCount">Allowed mentors who were full; <see cref="FullMentors"/> lists the best-scoring few.</param>
public sealed record UnmatchedMentee(
    string MenteeId,
    string Summary,
    int AllowedMentors,
    IReadOnlyList<ExclusionCount> Excluded,
    int FullMentorCount,
    IReadOnlyList<FullMentor> FullMentors,
    IReadOnlyList<Alternative> Alternatives);

/// <summary>An eligible mentee who went to another mentor.</summary>
public sealed record MatchedElsewhere(string MenteeId, string? MatchedMentorId, double ScoreWithThisMentor, double ScoreWithMatchedMentor);

/// <param name="AllEligibleMatched">Every eligible mentee went to another mentor (the case <see cref="Summary"/> words first).</param>
public sealed record UnmatchedMentor(
    string MentorId,
    string Summary,
    int Capacity,
    int EligibleMentees,
    IReadOnlyList<ExclusionCount> Excluded,
    IReadOnlyList<MatchedElsewhere> EligibleMatchedElsewhere,
    bool AllEligibleMatched = false);

/// <summary>One hand-picked pair explained: allowed or not, why, and its score breakdown.</summary>
public sealed record PairExplanation(
    string MenteeId,
    string MentorId,
    bool Allowed,
    IReadOnlyList<ConstraintFailure> Failures,
    double Score,
    string Why,
    IReadOnlyList<CriterionScore> Breakdown);
