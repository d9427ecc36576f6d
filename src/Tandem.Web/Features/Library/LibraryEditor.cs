using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Library;

public sealed record LibraryItemRequest(
    LibraryKind? Kind, string? Title, string? Author, string? Url, string? Description, IReadOnlyList<string>? Tags,
    string? Language, Audience? Audience, bool EvidenceBased = false);

/// <summary>A coordinator's review of a suggestion: <c>publish</c> or <c>reject</c> (with a reason).</summary>
public sealed record LibraryReviewRequest(string? Decision, string? Reason);

/// <summary>The library's writes, shared by the pages and the API.</summary>
public sealed class LibraryEditor(TandemDb db, TimeProvider clock, IStringLocalizer<LibraryText> t)
{
    public Errors Validate(LibraryItemRequest r)
    {
        var errors = new Errors();
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Add("Kind", t["Choose what kind of resource this is."]);
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add("Title", t["Please enter the title."]);
        else if (r.Title.Trim().Length > 300) errors.Add("Title", t["The title can be at most {0} characters.", 300]);
        if (r.Author?.Trim().Length > 200) errors.Add("Author", t["The author or source can be at most {0} characters.", 200]);
        if (!string.IsNullOrWhiteSpace(r.Url) && (!SafeMarkdown.IsHttpUrl(r.Url) || r.Url.Trim().Length > 1000))
            errors.Add("Url", t["The link must be a web address starting with http:// or https://."]);
        if (r.Description?.Length > TextLength.Long) errors.Add("Description", t["The description can be at most {0} characters.", TextLength.Long]);
        if (r.Language is not ("en" or "zh")) errors.Add("Language", t["Choose English or Chinese."]);
        if (r.Audience is null || !Enum.IsDefined(r.Audience.Value)) errors.Add("Audience", t["Choose who the resource is for."]);
        if (TagList.Format(r.Tags).Length > 500) errors.Add("Tags", t["Too many tags."]);
        return errors;
    }

    public async Task<Outcome<int>> CreateAsync(LibraryItemRequest r, CancellationToken ct)
    {
        var errors = Validate(r);
        if (errors.Any) return errors;
        var item = new LibraryItem { Title = "", Status = LibraryStatus.Published, CreatedAt = Now() };
        Apply(item, r);
        db.LibraryItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>Null when there is no such item.</summary>
    public async Task<Outcome<int>> UpdateAsync(int id, LibraryItemRequest r, CancellationToken ct)
    {
        var item = await db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Refusal.NotFound;
        var errors = Validate(r);
        if (errors.Any) return errors;
        Apply(item, r);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>Archives a published item, or brings an archived one back. Null when there is no such item.</summary>
    public async Task<Outcome<LibraryStatus>> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        var item = await db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Refusal.NotFound;
        var from = archived ? LibraryStatus.Published : LibraryStatus.Archived;
        if (item.Status != from) return Errors.One("", archived ? t["Only published items can be archived."] : t["Only archived items can be restored."]);
        item.Status = archived ? LibraryStatus.Archived : LibraryStatus.Published;
        item.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return item.Status;
    }

    /// <summary>A member proposes an item; coordinators review it before anyone else sees it.</summary>
    public async Task<Outcome<int>> SuggestAsync(string userId, LibraryItemRequest r, CancellationToken ct)
    {
        // Only coordinators flag literature as evidence-based.
        r = r with { EvidenceBased = false };
        var errors = Validate(r);
        if (errors.Any) return errors;
        var item = new LibraryItem { Title = "", Status = LibraryStatus.Suggested, SuggestedById = userId, CreatedAt = Now() };
        Apply(item, r);
        db.LibraryItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    public async Task<Outcome<LibraryStatus>> ReviewAsync(int id, LibraryReviewRequest r, CancellationToken ct)
    {
        var item = await db.LibraryItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Refusal.NotFound;
        var publish = string.Equals(r.Decision, "publish", StringComparison.OrdinalIgnoreCase);
        var reject = string.Equals(r.Decision, "reject", StringComparison.OrdinalIgnoreCase);
        var errors = new Errors();
        if (item.Status != LibraryStatus.Suggested) errors.Add("", t["Only suggestions waiting for review can be published or rejected."]);
        if (!publish && !reject) errors.Add("Decision", t["Choose to publish or reject the suggestion."]);
        if (reject && string.IsNullOrWhiteSpace(r.Reason)) errors.Add("Reason", t["Give a reason when rejecting a suggestion."]);
        if (r.Reason?.Trim().Length > 1000) errors.Add("Reason", t["The reason can be at most {0} characters.", 1000]);
        if (errors.Any) return errors;
        item.Status = publish ? LibraryStatus.Published : LibraryStatus.Rejected;
        item.ReviewNote = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        item.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return item.Status;
    }

    /// <summary>Bookmarks (or un-bookmarks) an item the person can see; idempotent. False when not visible.</summary>
    public async Task<bool> SetBookmarkAsync(int id, string userId, Reach reach, bool on, CancellationToken ct)
    {
        if (!await CanSeeAsync(id, reach, ct)) return false;
        var existing = await db.LibraryBookmarks.FirstOrDefaultAsync(b => b.ItemId == id && b.UserId == userId, ct);
        if (on && existing is null) db.LibraryBookmarks.Add(new LibraryBookmark { ItemId = id, UserId = userId, CreatedAt = Now() });
        if (!on && existing is not null) db.LibraryBookmarks.Remove(existing);
        await SaveIgnoringDuplicateAsync(ct);
        return true;
    }

    public async Task<bool> SetReadAsync(int id, string userId, Reach reach, bool on, CancellationToken ct)
    {
        if (!await CanSeeAsync(id, reach, ct)) return false;
        var existing = await db.LibraryReads.FirstOrDefaultAsync(b => b.ItemId == id && b.UserId == userId, ct);
        if (on && existing is null) db.LibraryReads.Add(new LibraryRead { ItemId = id, UserId = userId, ReadAt = Now() });
        if (!on && existing is not null) db.LibraryReads.Remove(existing);
        await SaveIgnoringDuplicateAsync(ct);
        return true;
    }

    private Task<bool> CanSeeAsync(int id, Reach reach, CancellationToken ct)
    {
        bool mentee = reach.Mentee, mentor = reach.Mentor;
        return db.LibraryItems.AnyAsync(i => i.Id == id && i.Status == LibraryStatus.Published
            && (i.Audience == Audience.All || (mentee && i.Audience == Audience.Mentees) || (mentor && i.Audience == Audience.Mentors) || reach.Coordinator), ct);
    }

    /// <summary>A double click may race with itself; the unique index keeps one row and the second save is a no-op.</summary>
    private async Task SaveIgnoringDuplicateAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); }
    }

    private void Apply(LibraryItem item, LibraryItemRequest r)
    {
        item.Kind = r.Kind!.Value;
        item.Title = r.Title!.Trim();
        item.Author = r.Author?.Trim() ?? "";
        item.Url = string.IsNullOrWhiteSpace(r.Url) ? null : r.Url.Trim();
        item.Description = r.Description?.Trim() ?? "";
        item.Tags = TagList.Format(r.Tags);
        item.Language = r.Language!;
        item.Audience = r.Audience!.Value;
        item.EvidenceBased = r.EvidenceBased;
        item.UpdatedAt = Now();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
