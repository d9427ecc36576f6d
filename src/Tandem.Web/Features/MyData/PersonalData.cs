using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;

namespace Tandem.Web.Features.MyData;

/// <summary>
/// Everything Tandem holds about one person, as JSON they can download (GDPR art. 15 and 20, PIPL art. 45): their
/// account, and every row of every table that names them as its person: author, sender, owner, member, applicant,
/// mentee or mentor. Read from the database model, so a table added later is exported without anyone remembering
/// to. Not included: what the other person of a pair wrote (that is theirs to download), and records about other
/// people that a coordinator decided or recorded (the columns <see cref="ActsOnOthers"/>).
/// </summary>
public sealed class PersonalData(TandemDb db, TimeProvider clock)
{
    /// <summary>Columns that name who acted on someone else's record: the row belongs to that someone.</summary>
    public static readonly string[] ActsOnOthers = ["RecordedById", "DecidedById", "CreatedById"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    private static readonly MethodInfo RowsMethod = typeof(PersonalData).GetMethod(nameof(RowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The tables that hold a person's rows, and the columns that name the person.</summary>
    public static IEnumerable<(IEntityType Entity, IReadOnlyList<string> Columns)> PersonTables(IModel model) =>
        model.GetEntityTypes()
            .Where(e => !e.IsOwned() && !e.HasSharedClrType && e.ClrType != typeof(User) && e.ClrType.Assembly == typeof(PersonalData).Assembly)
            .Select(e => (Entity: e, Columns: (IReadOnlyList<string>)e.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Name != "Id" && !ActsOnOthers.Contains(p.Name))
                .Select(p => p.Name).ToList()))
            .Where(t => t.Columns.Count > 0);

    public async Task<JsonObject?> ExportAsync(string userId, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.CreatedAt, u.Language, u.TwoFactorEnabled })
            .SingleOrDefaultAsync(ct);
        if (account is null) return null;
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, role) => role.Name).ToListAsync(ct);
        var tables = new JsonObject();
        foreach (var (entity, columns) in PersonTables(db.Model).OrderBy(t => t.Entity.ClrType.Name, StringComparer.Ordinal))
        {
            var rows = await (Task<List<object>>)RowsMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, columns, userId, ct])!;
            if (rows.Count > 0) tables[entity.ClrType.Name] = JsonSerializer.SerializeToNode(rows, Json);
        }
        return new JsonObject
        {
            ["format"] = "tandem-personal-data/1",
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = JsonSerializer.SerializeToNode(account, Json),
            ["roles"] = JsonSerializer.SerializeToNode(roles, Json),
            ["tables"] = tables,
        };
    }

    public static string Serialize(JsonObject export) => export.ToJsonString(Json);

    private static async Task<List<object>> RowsAsync<T>(TandemDb db, IReadOnlyList<string> columns, string userId, CancellationToken ct) where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? names = null;
        foreach (var column in columns)
        {
            var value = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(column));
            var equal = Expression.Equal(value, Expression.Constant(userId));
            names = names is null ? equal : Expression.OrElse(names, equal);
        }
        var rows = await db.Set<T>().AsNoTracking().Where(Expression.Lambda<Func<T, bool>>(names!, row)).ToListAsync(ct);
        return rows.Cast<object>().ToList();
    }
}
