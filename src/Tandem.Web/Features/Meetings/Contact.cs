using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum ContactChannel
{
    Email = 0,
    Phone = 1,
    Message = 2,
}

/// <summary>A contact between the two outside a meeting (an email, a call, a message elsewhere). Counts as contact, never as a meeting.</summary>
public sealed class Contact
{
    public int Id { get; set; }
    public int PairId { get; set; }
    public required string ById { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public ContactChannel Channel { get; set; }
    /// <summary>Visible to both.</summary>
    public string? Note { get; set; }
}

/// <summary>A person's secret calendar feed link; regenerating replaces the token, so the old link stops working.</summary>
public sealed class CalendarFeed
{
    public required string UserId { get; set; }
    public required string Token { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.HasIndex(c => new { c.PairId, c.At });
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => f.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Token).HasMaxLength(100);
        b.HasIndex(f => f.Token).IsUnique();
    }
}
