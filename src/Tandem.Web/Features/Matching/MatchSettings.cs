using Tandem.Matching.Cohorts;

namespace Tandem.Web.Features.Matching;

/// <summary>
/// A program's matching weights and rules: one row per program, created with the defaults on first use.
/// The weights are one column per criterion; <see cref="Weights"/> and <see cref="Use"/> are the one place
/// that maps them to and from <see cref="MatchWeights"/> (a new criterion adds a column and a line to each).
/// </summary>
public sealed class MatchSettings
{
    public MatchSettings() => Use(new MatchWeights());

    public int Id { get; set; }
    public int ProgramId { get; set; }

    public double Interests { get; set; }
    public double Goals { get; set; }
    public double Industry { get; set; }
    public double Personality { get; set; }
    public double Availability { get; set; }
    public double SeniorityGap { get; set; }
    public double ReverseFit { get; set; }
    public double MenteeRanking { get; set; }

    /// <summary>Shared weekly slots a pair needs, 0..21.</summary>
    public int MinSharedSlots { get; set; } = 1;
    public bool SameEmployerAllowed { get; set; }
    /// <summary>A corporate program: mentee and mentor must share the employer.</summary>
    public bool InternalProgram { get; set; }
    public DateTime UpdatedAt { get; set; }

    public MatchWeights Weights() => new()
    {
        Interests = Interests, Goals = Goals, Industry = Industry, Personality = Personality,
        Availability = Availability, SeniorityGap = SeniorityGap, ReverseFit = ReverseFit, MenteeRanking = MenteeRanking,
    };

    public void Use(MatchWeights w) =>
        (Interests, Goals, Industry, Personality, Availability, SeniorityGap, ReverseFit, MenteeRanking) =
        (w.Interests, w.Goals, w.Industry, w.Personality, w.Availability, w.SeniorityGap, w.ReverseFit, w.MenteeRanking);

    public MatchRules Rules() => new() { MinSharedSlots = MinSharedSlots, SameEmployerAllowed = SameEmployerAllowed, InternalProgram = InternalProgram };
}

public enum PairRuleKind
{
    Lock = 0,
    Forbid = 1,
}

/// <summary>A coordinator's lock (this pair, whatever the engine says) or forbid (never this pair) in one cohort.</summary>
public sealed class PairRule
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int MenteeApplicationId { get; set; }
    public int MentorApplicationId { get; set; }
    public PairRuleKind Kind { get; set; }
    public required string CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One run of the engine over a cohort. Proposals are the coordinator's working material: no participant
/// page or endpoint reads this table or <see cref="MatchProposal"/>.
/// </summary>
public sealed class MatchRun
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public MatchMode Mode { get; set; }
    public Tandem.Matching.MatchObjective Objective { get; set; }
    /// <summary>The weights used, as JSON text (read back whole, never queried).</summary>
    public required string WeightsJson { get; set; }
    public required string CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Matched { get; set; }
    public double TotalScore { get; set; }
    public bool CertificateVerified { get; set; }
    /// <summary>The engine's whole <see cref="CohortResult"/> as JSON text: unmatched diagnoses and alternatives are read from here.</summary>
    public required string ResultJson { get; set; }
    public List<MatchProposal> Proposals { get; set; } = [];
}

/// <summary>A proposed pair of a run, as rows so the proposals can be paged and searched in SQL.</summary>
public sealed class MatchProposal
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int MenteeApplicationId { get; set; }
    public int MentorApplicationId { get; set; }
    public double Score { get; set; }
    public bool Locked { get; set; }
    public int Rank { get; set; }
    public int AllowedMentors { get; set; }
    public string Why { get; set; } = "";
    /// <summary>Per-criterion values and contributions as JSON text (shown, never queried).</summary>
    public string BreakdownJson { get; set; } = "[]";
}

/// <summary>A mentee's ranking of a published mentor while applications are open; rank 1 is the favourite.</summary>
public sealed class MentorRanking
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int MenteeApplicationId { get; set; }
    public int MentorApplicationId { get; set; }
    public int Rank { get; set; }
}
