using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tandem.Web.Data;
using Tandem.Web.Features.Notifications;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Sharing;

public sealed record ResourceRequest(string? Title, string? Url, string? Note, int? LibraryItemId = null);

public sealed record WorkRequest(string? Title, string? Text, string? Url);

public sealed record CommentRequest(string? Text);

public sealed record IntroductionRequest(IntroductionKind? Kind, string? ToWhom, string? Why, string? Outcome);

public sealed record OutcomeRequest(string? Outcome);

/// <summary>Knowledge sharing and networking: the mentor recommends resources and makes introductions; the mentee shares work for feedback.</summary>
public sealed class SharingBook(TandemDb db, TimeProvider clock, Notices notices, IStringLocalizer<SharingText> t, IStringLocalizer<PairsText> pt)
{
    public async Task<Outcome<Resource>> RecommendAsync(int pairId, string me, ResourceRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (RoleRefusal(pair, mentor: true) is { } refused) return refused;
        var errors = new Errors();
        Required(errors, nameof(r.Title), r.Title, 200, t["Please give the resource a title."]);
        if (!IsWebLink(r.Url)) errors.Add(nameof(r.Url), t["Please give a web link starting with http:// or https://."]);
        if (r.Note?.Length > 4000) errors.Add(nameof(r.Note), t["Please keep the note under 4000 characters."]);
        if (errors.Any) return errors;
        var resource = new Resource { PairId = pairId, ById = me, Title = r.Title!.Trim(), Url = r.Url!.Trim(), Note = Clean(r.Note), LibraryItemId = r.LibraryItemId, CreatedAt = Now };
        db.Resources.Add(resource);
        await TellAsync(pair, NoticeKinds.ResourceRecommended, $"/Sharing/{pairId}#resources", ct);
        await db.SaveChangesAsync(ct);
        return resource;
    }

    public async Task<Outcome<SharedWork>> ShareWorkAsync(int pairId, string me, WorkRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (RoleRefusal(pair, mentor: false) is { } refused) return refused;
        var errors = new Errors();
        Required(errors, nameof(r.Title), r.Title, 200, t["Please give your work a title."]);
        if (string.IsNullOrWhiteSpace(r.Text) && string.IsNullOrWhiteSpace(r.Url)) errors.Add(nameof(r.Text), t["Please share a text or a link."]);
        if (r.Text?.Length > 8000) errors.Add(nameof(r.Text), t["Please keep the text under 8000 characters."]);
        if (!string.IsNullOrWhiteSpace(r.Url) && !IsWebLink(r.Url)) errors.Add(nameof(r.Url), t["Please give a web link starting with http:// or https://."]);
        if (errors.Any) return errors;
        var work = new SharedWork { PairId = pairId, ById = me, Title = r.Title!.Trim(), Text = Clean(r.Text), Url = Clean(r.Url), CreatedAt = Now };
        db.SharedWork.Add(work);
        await notices.SaveWithAsync(() => TellAsync(pair, NoticeKinds.WorkShared, $"/Sharing/Work/{work.Id}", ct), ct);
        return work;
    }

    /// <summary>A comment in a shared item's thread: the mentor's feedback, or the mentee's answer.</summary>
    public async Task<Outcome<WorkComment>> CommentAsync(int pairId, int workId, string me, CommentRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (!await db.SharedWork.AnyAsync(w => w.Id == workId && w.PairId == pairId, ct)) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        var errors = new Errors();
        Required(errors, nameof(r.Text), r.Text, 4000, t["Please write your comment."]);
        if (errors.Any) return errors;
        var comment = new WorkComment { SharedWorkId = workId, ById = me, Text = r.Text!.Trim(), At = Now };
        db.WorkComments.Add(comment);
        await TellAsync(pair, NoticeKinds.WorkComment, $"/Sharing/Work/{workId}", ct);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    public async Task<Outcome<Introduction>> IntroduceAsync(int pairId, string me, IntroductionRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        if (RoleRefusal(pair, mentor: true) is { } refused) return refused;
        var errors = new Errors();
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Add(nameof(r.Kind), t["Please choose introduction or referral."]);
        Required(errors, nameof(r.ToWhom), r.ToWhom, 400, t["Please say to whom you introduced or referred your mentee."]);
        Required(errors, nameof(r.Why), r.Why, 2000, t["Please say why."]);
        if (r.Outcome?.Length > 2000) errors.Add(nameof(r.Outcome), t["Please keep the outcome under 2000 characters."]);
        if (errors.Any) return errors;
        var intro = new Introduction { PairId = pairId, ById = me, Kind = r.Kind!.Value, ToWhom = r.ToWhom!.Trim(), Why = r.Why!.Trim(), Outcome = Clean(r.Outcome), CreatedAt = Now, UpdatedAt = Now };
        db.Introductions.Add(intro);
        await TellAsync(pair, NoticeKinds.IntroductionMade, $"/Sharing/{pairId}#introductions", ct);
        await db.SaveChangesAsync(ct);
        return intro;
    }

    /// <summary>What came of an introduction: either of the two may write it later.</summary>
    public async Task<Outcome<Introduction>> OutcomeAsync(int pairId, int introductionId, string me, OutcomeRequest r, CancellationToken ct)
    {
        if (await PairAccess.FindAsync(db, pairId, me, ct) is not { } pair) return Refusal.NotFound;
        var intro = await db.Introductions.SingleOrDefaultAsync(i => i.Id == introductionId && i.PairId == pairId, ct);
        if (intro is null) return Refusal.NotFound;
        if (PairAccess.ClosedRefusal(pair, pt) is { } closed) return closed;
        if (r.Outcome?.Length > 2000) return Errors.One(nameof(r.Outcome), t["Please keep the outcome under 2000 characters."]);
        intro.Outcome = Clean(r.Outcome);
        intro.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return intro;
    }

    /// <summary>The other person hears who did it, with a link; never the content itself.</summary>
    private async Task TellAsync(PairMember pair, NoticeKind kind, string link, CancellationToken ct) =>
        await notices.AddAsync(kind, new Notice(pair.OtherId, link, [NoticeArg.Name(await notices.NameAsync(pair.Me, ct))]), ct);

    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && url!.Trim().Length <= 1000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Errors? RoleRefusal(PairMember pair, bool mentor) =>
        PairAccess.ClosedRefusal(pair, pt) ?? (mentor == pair.IsMentor ? null
            : Errors.One("", mentor ? t["Only the mentor can do this."] : t["Only the mentee can share work for feedback."]));

    private void Required(Errors errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, missing);
        else if (value.Length > max) errors.Add(field, t["Please keep this under {0} characters.", max]);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
