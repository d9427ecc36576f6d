using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Tandem.Web.Shared;

/// <summary>
/// One page of a list: every paged list of the pages and the API answers with it. Lists that carry more
/// (facet counts, an unread count) extend it, so the paging fields read the same everywhere.
/// </summary>
public record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => Paging.PageCount(Total, PageSize);

    public static PageResponse<T> Empty(int pageSize) => new([], 1, pageSize, 0);
}

/// <summary>Page numbers and sizes, read and clamped one way for every list.</summary>
public static class Paging
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The requested page, from 1 to the last page (an empty list has one, empty, page).</summary>
    public static int Clamp(int? page, int total, int pageSize) => Math.Clamp(page ?? 1, 1, PageCount(total, pageSize));

    /// <summary>A page number from a query string value: anything but a positive number is page 1.</summary>
    public static int Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    /// <summary>A caller's page size, within 1..<paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static int Size(int? requested, int fallback, int max) => Math.Clamp(requested ?? fallback, 1, max);

    /// <summary>Counts an ordered query, clamps the page and reads it.</summary>
    public static Task<PageResponse<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int pageSize, CancellationToken ct) =>
        ordered.ToPageAsync(page, pageSize, q => q.ToListAsync(ct), ct);

    /// <summary>Counts an ordered query, clamps the page and reads it through <paramref name="read"/> (for projections that need more than a Select).</summary>
    public static async Task<PageResponse<TItem>> ToPageAsync<TRow, TItem>(this IQueryable<TRow> ordered, int? page, int pageSize,
        Func<IQueryable<TRow>, Task<List<TItem>>> read, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var current = Clamp(page, total, pageSize);
        var items = await read(ordered.Skip((current - 1) * pageSize).Take(pageSize));
        return new PageResponse<TItem>(items, current, pageSize, total);
    }

    /// <summary>The same for a list already in memory.</summary>
    public static PageResponse<T> ToPage<T>(this IReadOnlyCollection<T> all, int? page, int pageSize)
    {
        var current = Clamp(page, all.Count, pageSize);
        return new PageResponse<T>(all.Skip((current - 1) * pageSize).Take(pageSize).ToList(), current, pageSize, all.Count);
    }
}
