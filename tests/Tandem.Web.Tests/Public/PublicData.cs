using Tandem.Web.Features.Account;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Shared;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Public;

/// <summary>Builds the program, cohorts, people and applications the public pages read, straight into the database.</summary>
internal static class PublicData
{
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static Task<int> ProgramAsync(TandemFactory factory, string contactEmail = "hello@program.example") =>
        factory.WithDbAsync(async db =>
        {
            var program = new MentorshipProgram
            {
                Name = "Test Network", Description = "Pairs women with mentors.", ContactEmail = contactEmail, DonationRecipient = "Girls' Education Fund",
                Tracks =
                [
                    new Track { Code = "standard", Name = "Standard", Description = "For juniors.", MenteeLevels = SeniorityLevels.Entry | SeniorityLevels.Junior, MentorLevels = SeniorityLevels.Senior | SeniorityLevels.Executive },
                    new Track { Code = "advanced", Name = "Advanced", Description = "For managers.", MenteeLevels = SeniorityLevels.MidManagement, MentorLevels = SeniorityLevels.Executive },
                ],
            };
            // Replaces the default program the app creates on first run: one program per installation.
            db.Programs.RemoveRange(db.Programs);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });

    public static Task<int> CohortAsync(TandemFactory factory, int programId, string name, CohortStatus status, int startsInDays = 30) =>
        factory.WithDbAsync(async db =>
        {
            var starts = Today.AddDays(startsInDays);
            var cohort = new Cohort
            {
                ProgramId = programId, Name = name, Status = status, StartsOn = starts, EndsOn = starts.AddMonths(6),
                ApplicationsOpenOn = status == CohortStatus.Open ? Today.AddDays(-5) : starts.AddDays(-40),
                ApplicationsCloseOn = status == CohortStatus.Open ? Today.AddDays(5) : starts.AddDays(-20),
            };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });

    public sealed record Mentor(string Email, string Name)
    {
        public ApplicationStatus Status { get; init; } = ApplicationStatus.Accepted;
        public ApplicationRole Role { get; init; } = ApplicationRole.Mentor;
        public bool Public { get; init; } = true;
        public string Industry { get; init; } = "Finance";
        public string[] Expertise { get; init; } = ["leadership"];
        public string[] Languages { get; init; } = ["zh", "en"];
        public string JobTitle { get; init; } = "Director";
        public string Offer { get; init; } = "Candid feedback.";
    }

    /// <summary>A person (a user row without a password: these tests never sign in as them) and her application.</summary>
    public static Task<int> ApplicationAsync(TandemFactory factory, int cohortId, Mentor m) =>
        factory.WithDbAsync(async db =>
        {
            var user = new User
            {
                UserName = m.Email, NormalizedUserName = m.Email.ToUpperInvariant(), Email = m.Email, NormalizedEmail = m.Email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.Profiles.Add(new Profile
            {
                UserId = user.Id, DisplayName = m.Name, Gender = "female", Pronouns = "she/her", City = "Beijing", Employer = "Acme Bank",
                JobTitle = m.JobTitle, Industry = m.Industry, Seniority = Seniority.Executive, Languages = TagList.Format(m.Languages),
                Expertise = TagList.Format(m.Expertise), Bio = "Bio of " + m.Name,
            });
            var application = new Application
            {
                CohortId = cohortId, UserId = user.Id, Role = m.Role, Status = m.Status, PublicProfile = m.Public,
                Languages = TagList.Format(m.Languages), Expertise = TagList.Format(m.Expertise), Offer = m.Offer, Capacity = 1,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });

    public static Task MembershipAsync(TandemFactory factory, int programId, long feeMinor, string currency = "CNY") =>
        factory.WithDbAsync(async db =>
        {
            var user = new User { UserName = Guid.NewGuid() + "@member.example", SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.Memberships.Add(new Membership
            {
                ProgramId = programId, UserId = user.Id, StartsOn = Today, EndsOn = Today.AddYears(1), FeeMinor = feeMinor, Currency = currency, PaidOn = Today,
            });
            await db.SaveChangesAsync();
        });
}
