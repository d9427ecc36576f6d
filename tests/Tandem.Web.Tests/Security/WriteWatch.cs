using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Web.Data;

namespace Tandem.Web.Tests.Security;

/// <summary>
/// Records every command that changed rows while a tagged request was being answered, so a test can prove that a
/// refused request wrote nothing. The tag is a request header; commands run by background jobs (no request) are not
/// counted. EF Core sends every write through a DbCommand, on both providers.
/// </summary>
public sealed partial class WriteWatch : DbCommandInterceptor
{
    public const string Header = "X-Test-Request";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> writes = new();

    public static Action<IServiceCollection> Install(WriteWatch watch) => services =>
    {
        services.ConfigureDbContext<SqliteTandemDb>(o => o.AddInterceptors(watch));
        services.ConfigureDbContext<PostgresTandemDb>(o => o.AddInterceptors(watch));
    };

    /// <summary>The writing statements run for the request tagged <paramref name="tag"/>.</summary>
    public IReadOnlyList<string> Of(string tag) => writes.TryGetValue(tag, out var q) ? q.ToList() : [];

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Note(command, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Note(command, result);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Note(command, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Note(command, null);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command, int? affected)
    {
        if (affected == 0 || !Dml().IsMatch(command.CommandText)) return;
        // HttpContextAccessor reads an AsyncLocal: any instance sees the request this command runs for.
        var tag = new HttpContextAccessor().HttpContext?.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(tag)) return;
        writes.GetOrAdd(tag, _ => new()).Enqueue(command.CommandText.Length > 300 ? command.CommandText[..300] : command.CommandText);
    }

    [GeneratedRegex(@"(^|;)\s*(INSERT|UPDATE|DELETE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Dml();
}
