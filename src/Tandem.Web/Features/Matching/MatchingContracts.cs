using Tandem.Matching.Cohorts;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Matching;

/// <param name="Mode">optimal (default) | stable.</param>
/// <param name="Objective">mostMatchedThenScore (default) | totalScore.</param>
/// <param name="Weights">Optional: weights for this run; the program's settings when absent.</param>
public sealed record RunRequest(string? Mode = null, string? Objective = null, MatchWeights? Weights = null);

public sealed record PairRequest(int MenteeApplicationId, int MentorApplicationId);

/// <summary>Exchanges the proposed mentors of two mentees of the latest run.</summary>
public sealed record SwapRequest(int MenteeApplicationId, int OtherMenteeApplicationId);

public sealed record PreviewRequest(MatchWeights? Weights = null, string? Mode = null, string? Objective = null);

public sealed record CompareRequest(MatchWeights? Weights = null, string? Objective = null);

public sealed record RunSummary(int Id, string Mode, string Objective, MatchWeights Weights, DateTime CreatedAt, string CreatedBy,
    int Mentees, int Mentors, int Matched, int Locked, double TotalScore, double MeanScore, bool CertificateVerified, string CertificateDetail,
    double? StableScoreGap, int? StableMatchedGap);

public sealed record CriterionView(string Criterion, double Weight, double Value, double Contribution);

public sealed record ProposalView(int MenteeApplicationId, string MenteeName, int MentorApplicationId, string MentorName,
    double Score, bool Locked, int Rank, int AllowedMentors, string Why, IReadOnlyList<CriterionView> Breakdown);

public sealed record ExclusionView(string Reason, int Count, int OnlyReason, string Example);

public sealed record AlternativeView(int MentorApplicationId, string MentorName, double Score, bool Allowed, string WhatItWouldTake);

public sealed record UnmatchedMenteeView(int MenteeApplicationId, string Name, string Summary, int AllowedMentors,
    IReadOnlyList<ExclusionView> Excluded, IReadOnlyList<AlternativeView> Alternatives);

public sealed record UnmatchedMentorView(int MentorApplicationId, string Name, string Summary, int Capacity, int EligibleMentees);

public sealed record RuleView(int Id, string Kind, int MenteeApplicationId, string MenteeName, int MentorApplicationId, string MentorName);

/// <param name="UnmatchedMenteeCount">All the unmatched mentees (the page lists one page of them).</param>
public sealed record LatestRunResponse(int CohortId, string CohortStatus, RunSummary? Run, PageResponse<ProposalView> Proposals,
    IReadOnlyList<UnmatchedMenteeView> UnmatchedMentees, IReadOnlyList<UnmatchedMentorView> UnmatchedMentors, IReadOnlyList<RuleView> Rules,
    int UnmatchedMenteeCount = 0, int UnmatchedMentorCount = 0);

public sealed record PairChange(int MenteeApplicationId, string MenteeName, int MentorApplicationId, string MentorName);

/// <summary>A what-if against the latest run: nothing is saved.</summary>
public sealed record PreviewResponse(int Matched, double TotalScore, double MeanScore, int? LatestMatched, double? LatestTotalScore,
    int MatchedChange, double TotalScoreChange, int AddedCount, int RemovedCount, IReadOnlyList<PairChange> Added, IReadOnlyList<PairChange> Removed, long EngineMs);

public sealed record ModeTotals(string Mode, int Matched, double TotalScore, double MeanScore, bool CertificateVerified);

public sealed record CompareResponse(ModeTotals Optimal, ModeTotals Stable, double ScoreGap, int MatchedGap, int PairsDiffering);

public sealed record ExplainResponse(int MenteeApplicationId, string MenteeName, int MentorApplicationId, string MentorName, bool Allowed,
    IReadOnlyList<string> Failures, double Score, string Why, IReadOnlyList<CriterionView> Breakdown);

public sealed record RuleResponse(RuleView Rule, RunSummary? Run);

/// <param name="Version">Optional: the cohort version the caller last saw; a stale one is refused with 409.</param>
/// <param name="Confirm">true to publish; without it the answer lists the consequences and warnings and nothing changes.</param>
public sealed record PublishRequest(int? Version = null, bool? Confirm = null);

/// <summary>What publishing would do (see <see cref="StepPreview"/>).</summary>
public sealed record PublishPreview(int CohortId, string CohortName, int Version, int Pairs, StepPreview Step);

/// <summary>Publishing's answer: <paramref name="Done"/> false is the preview (nothing changed; send "confirm": true), true is done.</summary>
public sealed record PublishResponse(bool Done, int CohortId, string Status, int Pairs, int EmailsQueued,
    IReadOnlyList<string> Consequences, IReadOnlyList<StepWarning> Warnings);
