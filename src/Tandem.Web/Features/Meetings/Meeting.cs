using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum MeetingStatus
{
    /// <summary>Proposed by one side, waiting for the other.</summary>
    Proposed = 0,
    Accepted = 1,
    Declined = 2,
    Cancelled = 3,
    /// <summary>Took place (logged by either side). Only held meetings count toward the minimum.</summary>
    Held = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum MeetingFormat
{
    InPerson = 0,
    Video = 1,
    Phone = 2,
}

/// <summary>A meeting of a pair: proposed, accepted or countered, and finally logged as held.
/// The agenda and summary are shared by the two; each person's private note is a <see cref="MeetingNote"/>.</summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string ProposedById { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public MeetingFormat Format { get; set; }
    /// <summary>A place for in-person meetings, a link or phone number otherwise.</summary>
    public string? Location { get; set; }
    /// <summary>The mentee's intentional questions for this meeting.</summary>
    public string? Agenda { get; set; }
    public string? Summary { get; set; }
    public string? ActionItems { get; set; }
    public MeetingStatus Status { get; set; }
    /// <summary>Set only on meetings countered before proposals became one thread (a declined original and its replacement).</summary>
    public int? ReplacesId { get; set; }
    /// <summary>RFC 5545 SEQUENCE: bumped whenever the time or place changes.</summary>
    public int Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The times proposed in this thread, the first proposal and each counter-proposal, oldest first.</summary>
    public List<MeetingProposal> Proposals { get; set; } = [];
}

/// <summary>One time proposed in a meeting's thread: a counter-proposal moves the meeting and leaves this trace.</summary>
public sealed class MeetingProposal
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string ProposedById { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public DateTime ProposedAt { get; set; }
}

internal sealed class MeetingProposalConfiguration : IEntityTypeConfiguration<MeetingProposal>
{
    public void Configure(EntityTypeBuilder<MeetingProposal> b)
    {
        b.ToTable("MeetingProposals");
        b.HasOne<Meeting>().WithMany(m => m.Proposals).HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.MeetingId);
    }
}

/// <summary>One person's private note on a meeting; the other person never sees it, nor does anyone else.</summary>
public sealed class MeetingNote
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTime UpdatedAt { get; set; }
}
