using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Cohorts;

namespace Tandem.Web.Features.Matching;

public enum MatchJobState
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>Where a running job is, in order; the page shows it as the progress bar's label.</summary>
public enum MatchJobStage
{
    Waiting,
    Loading,
    Scoring,
    Solving,
    Explaining,
    Saving,
    Done,
}

/// <summary>
/// One matching of a cohort started from the page or the API and run by a background worker. The row is the job's
/// whole state, so a reload, another instance or a restart sees where it is: a worker claims it with one conditional
/// UPDATE (so two instances never run the same job), stamps <see cref="HeartbeatAt"/> while it runs, and a job whose
/// heartbeat stopped (its instance died) is taken up again by the next worker.
/// </summary>
public sealed class MatchJob
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public MatchJobState State { get; set; }
    public MatchJobStage Stage { get; set; }
    /// <summary>0..100, for the progress bar (the stages' share of a typical run).</summary>
    public int Progress { get; set; }
    /// <summary>The run's mode, objective and weights (<see cref="RunRequest"/> as JSON text).</summary>
    public required string RequestJson { get; set; }
    public required string CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    /// <summary>The claiming worker's token: progress and the outcome are written only where it still matches.</summary>
    public string? ClaimToken { get; set; }
    /// <summary>How many times a worker claimed it (a resumed job counts again).</summary>
    public int Attempts { get; set; }
    public bool CancelRequested { get; set; }
    public string? Error { get; set; }
    /// <summary>The stored run when completed.</summary>
    public int? RunId { get; set; }
    public int? Matched { get; set; }
    public int? Mentees { get; set; }
}

internal sealed class MatchJobConfiguration : IEntityTypeConfiguration<MatchJob>
{
    public void Configure(EntityTypeBuilder<MatchJob> b)
    {
        b.HasOne<Cohort>().WithMany().HasForeignKey(j => j.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.Property(j => j.RequestJson).HasMaxLength(1000);
        b.Property(j => j.ClaimToken).HasMaxLength(32);
        b.Property(j => j.Error).HasMaxLength(1000);
        // The worker looks for the oldest queued job and for running ones whose heartbeat stopped; the page for a cohort's latest.
        b.HasIndex(j => new { j.State, j.Id });
        b.HasIndex(j => new { j.CohortId, j.Id });
    }
}
