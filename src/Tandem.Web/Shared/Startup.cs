using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Programs;

namespace Tandem.Web.Shared;

public static class Startup
{
    /// <summary>Migrates the database, makes sure the Coordinator role exists and, in Development on an
    /// empty database, loads the demo program and prints the sign-ins.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TandemDb>();
        await DatabaseSetup.MigrateAsync(db);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Coordinator))
            await roles.CreateAsync(new IdentityRole(Roles.Coordinator));

        var seedDemo = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        if (seedDemo && !await db.Programs.AnyAsync())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            var signIns = await demo.SeedAsync(CancellationToken.None);
            app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app, signIns));
        }
        else if (seedDemo)
        {
            var signIns = await DemoData.SignInsAsync(db, CancellationToken.None);
            app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app, signIns));
        }
        await ProgramDefaults.EnsureAsync(db, CancellationToken.None);
    }

    private static void PrintSignIns(WebApplication app, IReadOnlyList<DemoSignIn> signIns)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"Tandem is running at {url}");
        Console.WriteLine("Demo sign-ins (password for all: " + DemoData.Password + "):");
        foreach (var s in signIns)
            Console.WriteLine($"  {s.Role,-22} {s.Email}");
        Console.WriteLine($"API docs: {url}/api/docs   Outbox (.eml): {app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Email.EmailOptions>>().Value.PickupFolder}");
        Console.WriteLine();
    }
}
