using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Shared.Sessions;

namespace Tandem.Web.Features.Webinars;

/// <summary>
/// A cohort's online session where mentees bring workplace dilemmas and the group suggests solutions.
/// Registration is refused once its <see cref="ScheduledSession.Capacity"/> is taken.
/// </summary>
public sealed class Webinar : ScheduledSession
{
    public int CohortId { get; set; }
    public string? Link { get; set; }

    protected override string? Place { get => Link; set => Link = value; }
}

[JsonConverter(typeof(JsonStringEnumConverter<RegistrationStatus>))]
public enum RegistrationStatus
{
    Registered = 0,
    Cancelled = 1,
}

public sealed class WebinarRegistration : ISeat
{
    public int Id { get; set; }
    public int WebinarId { get; set; }
    public required string UserId { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime RegisteredAt { get; set; }
    public bool Attended { get; set; }
}

/// <summary>
/// A workplace dilemma on a webinar's board.
/// Anonymity: <see cref="AuthorId"/> is always stored, because the author must be able to edit the post and
/// mark solutions as helpful, and deleting an account must delete their posts. It is never projected for an
/// anonymous post: every read goes through <c>DilemmaBoard</c>, which returns no author fields at all
/// when <see cref="Anonymous"/> is set (only an "is mine" flag computed for the caller). We chose this over an
/// HMAC of the author id because an HMAC without a per-post salt would link all of a person's anonymous posts
/// together, and with one it would buy nothing over a column no code path reads back out.
/// </summary>
public sealed class Dilemma
{
    public int Id { get; set; }
    public int WebinarId { get; set; }
    public required string AuthorId { get; set; }
    public bool Anonymous { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>A solution suggested by another mentee; named. The dilemma's author marks those that helped.</summary>
public sealed class DilemmaSolution
{
    public int Id { get; set; }
    public int DilemmaId { get; set; }
    public required string AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Helpful { get; set; }
    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>One upvote per person per solution.</summary>
public sealed class SolutionVote
{
    public int Id { get; set; }
    public int SolutionId { get; set; }
    public required string UserId { get; set; }
}

internal sealed class WebinarConfiguration : IEntityTypeConfiguration<Webinar>
{
    public void Configure(EntityTypeBuilder<Webinar> b)
    {
        ScheduledSession.Configure(b);
        b.Property(w => w.Link).HasMaxLength(1000);
        b.HasOne<Cohort>().WithMany().HasForeignKey(w => w.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebinarRegistrationConfiguration : IEntityTypeConfiguration<WebinarRegistration>
{
    public void Configure(EntityTypeBuilder<WebinarRegistration> b)
    {
        b.HasOne<Webinar>().WithMany().HasForeignKey(r => r.WebinarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.WebinarId, r.UserId }).IsUnique();
        b.HasIndex(r => r.UserId);
    }
}

internal sealed class DilemmaConfiguration : IEntityTypeConfiguration<Dilemma>
{
    public void Configure(EntityTypeBuilder<Dilemma> b)
    {
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Body).HasMaxLength(4000);
        b.Property(d => d.HiddenReason).HasMaxLength(500);
        b.HasOne<Webinar>().WithMany().HasForeignKey(d => d.WebinarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.WebinarId);
    }
}

internal sealed class DilemmaSolutionConfiguration : IEntityTypeConfiguration<DilemmaSolution>
{
    public void Configure(EntityTypeBuilder<DilemmaSolution> b)
    {
        b.Property(s => s.Text).HasMaxLength(4000);
        b.Property(s => s.HiddenReason).HasMaxLength(500);
        b.HasOne<Dilemma>().WithMany().HasForeignKey(s => s.DilemmaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.DilemmaId);
    }
}

internal sealed class SolutionVoteConfiguration : IEntityTypeConfiguration<SolutionVote>
{
    public void Configure(EntityTypeBuilder<SolutionVote> b)
    {
        b.HasOne<DilemmaSolution>().WithMany().HasForeignKey(v => v.SolutionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.SolutionId, v.UserId }).IsUnique();
    }
}
