using Tandem.Web.Data;

namespace Tandem.Web.Shared;

/// <summary>Maintenance commands run through the app itself: <c>dotnet run --project src/Tandem.Web -- write-migration Name yyyyMMddHHmmss</c>.</summary>
public static class DevCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 3 || args[0] != "write-migration") return false;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TandemDb>();
        var path = Path.Combine(app.Environment.ContentRootPath, "Data", "Migrations", $"{args[2]}_{args[1]}.cs");
        await File.WriteAllTextAsync(path, MigrationWriter.Write(db, args[1], args[2]));
        Console.WriteLine($"Wrote {path}");
        return true;
    }
}
