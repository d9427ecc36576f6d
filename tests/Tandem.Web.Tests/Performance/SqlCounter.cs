using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Performance;

/// <summary>
/// Counts the SQL commands EF Core runs against one test app's database, from EF Core's diagnostic events, so a page's
/// statements can be counted from outside the app. Other tests run in parallel against databases of their own; only
/// commands on this factory's database (its SQLite file or PostgreSQL database) are counted.
/// </summary>
public sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string database;
    private readonly bool postgres;
    private readonly ConcurrentQueue<string> commands = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable all;

    public SqlCounter(TandemFactory factory)
    {
        postgres = factory.Provider == Db.Postgres;
        var builder = new DbConnectionStringBuilder { ConnectionString = factory.ConnectionString };
        database = (string)(postgres ? builder["Database"] : builder["Data Source"]);
        all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands run since the last <see cref="Take"/>, and forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (commands.TryDequeue(out var c)) taken.Add(c);
        return taken;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (subscriptions) subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key != RelationalEventId.CommandExecuted.Name || e.Value is not CommandExecutedEventData data) return;
        var connection = data.Command.Connection;
        if (connection is null) return;
        var mine = postgres ? connection.Database == database : Path.GetFullPath(connection.DataSource) == Path.GetFullPath(database);
        if (mine) commands.Enqueue(data.Command.CommandText);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        all.Dispose();
        lock (subscriptions) subscriptions.ForEach(s => s.Dispose());
    }
}
