using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Faq;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;

namespace Tandem.Web.Features.Public;

/// <summary>
/// What visitors see changes rarely and is read constantly: the home page, the FAQ and the mentor directory.
/// Anonymous responses are kept whole in the output cache (<see cref="PolicyName"/>), and the data behind them in
/// memory (<see cref="PublicData"/>), for signed-in readers too. Both are dropped when a save touches what they
/// show (<see cref="PublicDataInvalidation"/>), and expire after <see cref="Lifetime"/> in any case: that bounds how
/// long another instance, or a bulk update that bypasses SaveChanges, can show the old version.
/// </summary>
public static class PublicCache
{
    public const string PolicyName = "Public", Tag = "public";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Entities a visitor's page shows (program, tracks, cohorts, memberships' totals, the FAQ, published mentors).</summary>
    internal static readonly HashSet<Type> Shown =
        [typeof(MentorshipProgram), typeof(Track), typeof(Cohort), typeof(Membership), typeof(FaqEntry), typeof(Application), typeof(Profile)];

    public static IServiceCollection AddPublicCache(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PolicyName, b => b
            .AddPolicy<NoFlashPolicy>()
            .Expire(Lifetime)
            .Tag(Tag)
            // The language comes from the query, a cookie or Accept-Language: vary by the one the request resolved to.
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            // Stored compressed (see UsePublicCompression): one entry per encoding the browsers ask for.
            .SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding)));
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        // A stored page is compressed once and served many times, so the smallest output is worth its time.
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddSingleton<ITempDataProvider>(sp => new QuietTempData(
            ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp), sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!));
        services.AddMemoryCache();
        services.AddSingleton<PublicData>();
        services.AddSingleton<IInterceptor, PublicDataInvalidation>();
        return services;
    }

    /// <summary>
    /// Compresses the visitors' pages (those with this cache policy, for anonymous requests) inside the output cache, so
    /// the stored page is the compressed one: the mentor directory's 83 KB becomes about a tenth, and a cache hit copies
    /// that instead. Only these pages: they carry no per-person secret (they are served to everyone from the cache), so
    /// compression cannot leak one (BREACH); signed-in pages and forms stay uncompressed.
    /// </summary>
    public static void UsePublicCompression(this IApplicationBuilder app) =>
        app.UseWhen(IsPublicPage, b => b.UseResponseCompression());

    private static bool IsPublicPage(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true
        && HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PolicyName;

    /// <summary>
    /// A visitor coming back with a flash message waiting (the TempData cookie, after signing out, say) gets the
    /// page rendered, so the message shows; the default policy already skips signed-in requests and responses that
    /// set cookies.
    /// </summary>
    private sealed class NoFlashPolicy : IOutputCachePolicy
    {
        private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Request.Cookies.ContainsKey(TempDataCookie))
                context.AllowCacheLookup = context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}

/// <summary>
/// The cookie TempData provider, except that it does not clear a cookie the request did not bring. The layout reads the
/// flash on every page, and the plain provider then answers every page with a Set-Cookie that clears it; the output
/// cache never stores a response that sets a cookie, so no public page could be stored.
/// </summary>
internal sealed class QuietTempData(CookieTempDataProvider inner, string cookieName) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.Keys.Any(k => k.StartsWith(cookieName, StringComparison.Ordinal))) return;
        inner.SaveTempData(context, values);
    }
}

/// <summary>
/// The data behind the public pages, kept in memory per version: every save that touches a shown entity starts a
/// new version, so the next read builds afresh.
/// </summary>
public sealed class PublicData(IMemoryCache cache, IOutputCacheStore pages)
{
    private long version;

    public long Version => Interlocked.Read(ref version);

    /// <summary>The value for this key in the current version (and the current language, for formatted data).</summary>
    public async Task<T> GetAsync<T>(string key, bool perLanguage, Func<Task<T>> build)
    {
        var full = $"public:{Version}:{key}{(perLanguage ? ":" + CultureInfo.CurrentUICulture.Name : "")}";
        if (cache.TryGetValue(full, out T? hit)) return hit!;
        var value = await build();
        cache.Set(full, value, PublicCache.Lifetime);
        return value;
    }

    /// <summary>Something a visitor sees has changed: new data for the next reader, and no stored page.</summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref version);
        await pages.EvictByTagAsync(PublicCache.Tag, ct);
    }
}

/// <summary>Starts a new <see cref="PublicData"/> version after a save that wrote anything a visitor sees.</summary>
internal sealed class PublicDataInvalidation(IServiceProvider services) : SaveChangesInterceptor
{
    // Noted before the save (afterwards every entry is Unchanged), acted on after it.
    private readonly ConditionalWeakTable<DbContext, object> dirty = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context)) services.GetRequiredService<PublicData>().ChangedAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)) await services.GetRequiredService<PublicData>().ChangedAsync(CancellationToken.None);
        return result;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && PublicCache.Shown.Contains(entry.Metadata.ClrType))
            {
                dirty.AddOrUpdate(context, this);
                return;
            }
        }
    }

    private bool Take(DbContext? context) => context is not null && dirty.Remove(context);
}
