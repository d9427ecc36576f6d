using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared.Sessions;

namespace Tandem.Web.Features.Events;

[JsonConverter(typeof(JsonStringEnumConverter<EventKind>))]
public enum EventKind
{
    MorningCoffee = 0,
    Lunch = 1,
    NetworkingCall = 2,
    Workshop = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<RsvpStatus>))]
public enum RsvpStatus
{
    Going = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

/// <summary>
/// A community event around the pairs: a morning coffee, a lunch, a networking call, a workshop. Beyond its
/// <see cref="ScheduledSession.Capacity"/> people join the waitlist.
/// </summary>
public sealed class GroupEvent : ScheduledSession
{
    public EventKind Kind { get; set; }
    /// <summary>A place, or a link for online events.</summary>
    public string? Location { get; set; }
    /// <summary>When set, only that cohort's participants may come.</summary>
    public int? CohortId { get; set; }
    public bool Cancelled { get; set; }

    protected override string? Place { get => Location; set => Location = value; }
}

/// <summary>A person's answer to an event; the waitlist is ordered by <see cref="RespondedAt"/>.</summary>
public sealed class EventRsvp : ISeat
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string UserId { get; set; }
    public RsvpStatus Status { get; set; }
    public DateTime RespondedAt { get; set; }
    /// <summary>Set by the coordinator after the event.</summary>
    public bool Attended { get; set; }
}

internal sealed class GroupEventConfiguration : IEntityTypeConfiguration<GroupEvent>
{
    public void Configure(EntityTypeBuilder<GroupEvent> b)
    {
        ScheduledSession.Configure(b);
        b.Property(e => e.Location).HasMaxLength(500);
        b.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EventRsvpConfiguration : IEntityTypeConfiguration<EventRsvp>
{
    public void Configure(EntityTypeBuilder<EventRsvp> b)
    {
        b.HasOne<GroupEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        b.HasIndex(r => r.UserId);
    }
}
