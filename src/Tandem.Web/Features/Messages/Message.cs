using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Pairs;

namespace Tandem.Web.Features.Messages;

/// <summary>A message in the pair's thread. ReadAt is set when the other person opens the thread.</summary>
public sealed class Message
{
    public const int MaxBody = 4000;

    public int Id { get; set; }
    public int PairId { get; set; }
    public required string SenderId { get; set; }
    public required string Body { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.HasOne<Pair>().WithMany().HasForeignKey(m => m.PairId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Body).HasMaxLength(Message.MaxBody);
        b.HasIndex(m => new { m.PairId, m.SentAt });
    }
}
