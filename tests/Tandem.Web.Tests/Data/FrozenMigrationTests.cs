using System.Security.Cryptography;
using System.Text;

namespace Tandem.Web.Tests.Data;

/// <summary>
/// Databases in the field have already run these migrations: an edit would never reach them, and
/// the chains would describe a schema nobody has. A schema change is a new migration instead.
/// </summary>
public sealed class FrozenMigrationTests
{
    /// <summary>SHA-256 of each frozen file (UTF-8, byte-order mark dropped, LF line endings).</summary>
    private static readonly Dictionary<string, string> Frozen = new()
    {
        ["src/Tandem.Web/Data/Migrations/Sqlite/20261121000000_Initial.cs"] = "f184e4c8e72507cec0ba27a81c26cb94bc318543e9adc39aae6dfb4f16a42c46",
        ["src/Tandem.Web/Data/Migrations/Sqlite/20261121000000_Initial.Designer.cs"] = "ed1233c76206a43c5ebdf0ce0d8e758e31d1261795ab0dc7a591f296d05f403c",
        ["src/Tandem.Web/Data/Migrations/Postgres/20261121000000_Initial.cs"] = "e135af1ccb951e56a468fe5d76bf8d4993eedba120ae4cc32086e2c8f4dd8d2e",
        ["src/Tandem.Web/Data/Migrations/Postgres/20261121000000_Initial.Designer.cs"] = "f02814274c560379137b3411a3efd626d22c851f688fad39d40a717652962796",
    };

    [Fact]
    public void TheInitialMigrationsAreFrozen()
    {
        var changed = Frozen
            .Where(f => Hash(Path.Combine(RepoRoot(), f.Key)) != f.Value)
            .Select(f => f.Key)
            .ToList();
        changed.ShouldBeEmpty(
            "These migrations are frozen: databases already ran them, so an edit would never reach those databases. " +
            "Undo the edit (git checkout -- <file>) and describe the change in a new migration instead: " +
            "tools/add-migration NameOfTheChange (docs/operations.md, \"Changing the schema\").");
    }

    private static string Hash(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} is missing: frozen migrations are never deleted.");
        var text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The checkout the tests were built from (the folder holding Tandem.slnx).</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Tandem.slnx above {AppContext.BaseDirectory}.");
    }
}
