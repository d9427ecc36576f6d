using Tandem.Web.Data;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

public sealed class SqliteBindingShimTests
{
    [Fact]
    public async Task TheShimIsNeededAndEnoughForSqlite()
    {
        // If a package bump brings SQLitePCLRaw 2.1+, the shim is never consulted and this fails:
        // then delete the shim. If the shim stops being enough, opening the database throws.
        using var factory = new TandemFactory();
        await factory.WithDbAsync(async db => (await db.Database.CanConnectAsync()).ShouldBeTrue());
        SqliteBindingShim.Resolved.ShouldBeTrue();
        typeof(SQLitePCL.raw).Assembly.GetName().Version!.ShouldBeLessThan(new Version(2, 1));
    }
}
