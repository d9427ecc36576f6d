using Microsoft.EntityFrameworkCore;

namespace Tandem.Web.Data;

/// <summary>
/// Several instances started together on one empty PostgreSQL database must migrate it once, create one program and
/// seed the demo once. The whole start-up preparation runs under a session-level advisory lock: the first instance
/// prepares, the others wait on the lock and then find everything done. The lock is the connection's own, so it is
/// released when that connection closes, even if the instance dies holding it. SQLite serves one instance only.
/// </summary>
public static class StartupLock
{
    // Any 64-bit number no other application on the same database uses; this one (0x54616E64656D) spells "Tandem" in ASCII.
    private const string Lock = "SELECT pg_advisory_lock(92777440634221)", Unlock = "SELECT pg_advisory_unlock(92777440634221)";

    /// <summary>How long an instance waits for another to finish preparing before it gives up (and exits).</summary>
    public static readonly TimeSpan WaitAtMost = TimeSpan.FromMinutes(15);

    public static async Task RunAsync(TandemDb db, Func<Task> prepare, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await prepare();
            return;
        }
        // The context's own connection, opened here, so every command of the preparation runs on the connection
        // that holds the lock (EF leaves a connection it did not open itself open).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Waiting is the point: the first instance may take minutes to migrate and seed, far beyond a command's 30 s.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(WaitAtMost);
            try
            {
                await db.Database.ExecuteSqlRawAsync(Lock, ct);
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }
            try
            {
                await prepare();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(Unlock, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
