using Microsoft.AspNetCore.Identity;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;

namespace Tandem.Web.Data;

public sealed record DemoSignIn(string Role, string Email);

/// <summary>The deterministic demo program loaded on first run in Development.</summary>
public sealed class DemoData(TandemDb db, UserManager<User> users, TimeProvider clock)
{
    public const string Password = "Tandem-demo-2026";

    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new("coordinator", "coordinator@tandem.local"),
        new("mentor", "mentor@tandem.local"),
        new("mentee", "mentee@tandem.local"),
    ];

    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken ct)
    {
        var program = new MentorshipProgram
        {
            Name = "Her Tandem Network",
            Description = "A Beijing women's network pairing junior and mid-level women with senior mentors, in 6-month cohorts twice a year.",
            ContactEmail = "hello@tandem.local",
            DonationRecipient = "Spring Bud Project (girls' education)",
            Tracks =
            [
                new Track { Code = "standard", Name = "Standard", Description = "Mentees in entry or junior positions.", MenteeLevels = SeniorityLevels.Entry | SeniorityLevels.Junior, MentorLevels = SeniorityLevels.MidManagement | SeniorityLevels.Senior | SeniorityLevels.Executive },
                new Track { Code = "advanced", Name = "Advanced", Description = "Mid-management mentees paired with C-suite mentors.", MenteeLevels = SeniorityLevels.MidManagement, MentorLevels = SeniorityLevels.Executive },
            ],
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);

        await CreateUserAsync(SignIns[0].Email, "Chen Jing (Coordinator)", Seniority.Senior, coordinator: true);
        await CreateUserAsync(SignIns[1].Email, "Wang Li", Seniority.Executive, coordinator: false);
        await CreateUserAsync(SignIns[2].Email, "Zhao Min", Seniority.Junior, coordinator: false);
        return SignIns;
    }

    private async Task<User> CreateUserAsync(string email, string name, Seniority seniority, bool coordinator)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (coordinator) await users.AddToRoleAsync(user, Roles.Coordinator);
        db.Profiles.Add(new Profile
        {
            UserId = user.Id, DisplayName = name, Seniority = seniority, Languages = TagList.Format(["en", "zh"]),
            City = "Beijing", TimeZone = "Asia/Shanghai", UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return user;
    }
}
