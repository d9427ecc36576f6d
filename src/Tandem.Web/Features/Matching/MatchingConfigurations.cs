using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Programs;

namespace Tandem.Web.Features.Matching;

// Picked up by TandemDb's ApplyConfigurationsFromAssembly; kept here so the matching model reads in one place.

internal sealed class MatchSettingsConfiguration : IEntityTypeConfiguration<MatchSettings>
{
    public void Configure(EntityTypeBuilder<MatchSettings> b)
    {
        b.HasOne<MentorshipProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.ProgramId).IsUnique();
    }
}

internal sealed class PairRuleConfiguration : IEntityTypeConfiguration<PairRule>
{
    public void Configure(EntityTypeBuilder<PairRule> b)
    {
        b.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.MenteeApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.MentorApplicationId).OnDelete(DeleteBehavior.Restrict);
        // One rule per pair: a pair is locked or forbidden, not both.
        b.HasIndex(r => new { r.CohortId, r.MenteeApplicationId, r.MentorApplicationId }).IsUnique();
    }
}

internal sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> b)
    {
        b.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.WeightsJson).HasMaxLength(1000);
        // A 2,000-person cohort's result is a few megabytes: an unbounded text column on both providers.
        b.Property(r => r.ResultJson).Metadata.SetMaxLength(null);
        b.HasIndex(r => new { r.CohortId, r.Id });
        b.HasMany(r => r.Proposals).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatchProposalConfiguration : IEntityTypeConfiguration<MatchProposal>
{
    public void Configure(EntityTypeBuilder<MatchProposal> b)
    {
        b.Property(p => p.Why).HasMaxLength(1000);
        b.Property(p => p.BreakdownJson).HasMaxLength(2000);
        b.HasIndex(p => new { p.RunId, p.MenteeApplicationId }).IsUnique();
    }
}

internal sealed class MentorRankingConfiguration : IEntityTypeConfiguration<MentorRanking>
{
    public void Configure(EntityTypeBuilder<MentorRanking> b)
    {
        b.HasOne<Cohort>().WithMany().HasForeignKey(r => r.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.MenteeApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.MentorApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.MenteeApplicationId, r.Rank }).IsUnique();
        b.HasIndex(r => new { r.MenteeApplicationId, r.MentorApplicationId }).IsUnique();
        b.HasIndex(r => r.CohortId);
    }
}
