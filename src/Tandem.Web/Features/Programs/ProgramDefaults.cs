using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

/// <summary>The program a fresh installation starts with: 6-month cohorts twice a year, Standard and Advanced tracks.</summary>
public static class ProgramDefaults
{
    public static List<Track> Tracks() =>
    [
        new Track
        {
            Code = "standard", Name = "Standard", Description = "Mentees in entry or junior positions.",
            MenteeLevels = SeniorityLevels.Entry | SeniorityLevels.Junior,
            MentorLevels = SeniorityLevels.MidManagement | SeniorityLevels.Senior | SeniorityLevels.Executive,
        },
        new Track
        {
            Code = "advanced", Name = "Advanced", Description = "Mid-management mentees paired with C-suite mentors.",
            MenteeLevels = SeniorityLevels.MidManagement, MentorLevels = SeniorityLevels.Executive,
        },
    ];

    public static MentorshipProgram Create() => new() { Name = "Mentorship program", Tracks = Tracks() };

    /// <summary>Creates the default program when the database has none (a non-demo first run).</summary>
    public static async Task EnsureAsync(TandemDb db, CancellationToken ct)
    {
        if (await db.Programs.AnyAsync(ct)) return;
        db.Programs.Add(Create());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The installation's program (the first one); Tandem runs one program per installation.</summary>
    public static Task<int> CurrentIdAsync(TandemDb db, CancellationToken ct) =>
        db.Programs.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
}
