using Microsoft.AspNetCore.DataProtection;
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
        IReadOnlyList<DemoSignIn>? signIns = null;
        // Instances started together take turns: the first migrates and seeds, the others find it done.
        await StartupLock.RunAsync(db, async () =>
        {
            await DatabaseSetup.MigrateAsync(db);

            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Coordinator))
                await roles.CreateAsync(new IdentityRole(Roles.Coordinator));

            // The first sign-in key is made here, once, rather than by whichever instance first signs someone in.
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Tandem.Startup").Protect("ready");

            var seedDemo = app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
            if (seedDemo && !await db.Programs.AnyAsync())
                signIns = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
            else if (seedDemo)
                signIns = await DemoData.SignInsAsync(db, CancellationToken.None);
            await ProgramDefaults.EnsureAsync(db, CancellationToken.None);
        }, CancellationToken.None);
        if (signIns is not null)
            app.Lifetime.ApplicationStarted.Register(() => PrintSignIns(app, signIns));
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
