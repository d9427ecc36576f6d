namespace Tandem.Web.Features.CheckIns;

/// <summary>One person's answer at one check-in point (months after the pair's start). Coordinators see
/// the two ratings and <see cref="NoteToCoordinator"/>; nothing else of the pair.</summary>
public sealed class CheckIn
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string UserId { get; set; }
    /// <summary>The check-in point: months after the pair's start (program setting, default 2 and 4).</summary>
    public int Month { get; set; }
    /// <summary>Progress toward goals, 1–5.</summary>
    public int Progress { get; set; }
    /// <summary>How the relationship is going, 1–5.</summary>
    public int Relationship { get; set; }
    public string? NoteToCoordinator { get; set; }
    public DateTime SubmittedAt { get; set; }
}
