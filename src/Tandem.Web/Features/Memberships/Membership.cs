namespace Tandem.Web.Features.Memberships;

/// <summary>One paid membership: a year, a fee, and one cohort seat (used by at most one application).</summary>
public sealed class Membership
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public required string UserId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Fee in minor units (fen, cents): exact sums on every provider.</summary>
    public long FeeMinor { get; set; }
    public required string Currency { get; set; }
    public DateOnly PaidOn { get; set; }
    public string? RecordedById { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}
