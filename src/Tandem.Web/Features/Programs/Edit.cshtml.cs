using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tandem.Web.Features.Account;
using Tandem.Web.Shared;

namespace Tandem.Web.Features.Programs;

[Authorize(Policy = Roles.Coordinator)]
public sealed class EditModel(ProgramEditor editor, IStringLocalizer<ProgramsText> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public int CohortLengthMonths { get; set; } = 6;
        public int CohortsPerYear { get; set; } = 2;
        public int MinimumMeetings { get; set; } = 3;
        public bool MenteesNeedMembership { get; set; } = true;
        public bool MentorsNeedMembership { get; set; }
        public string? ContactEmail { get; set; }
        public string? DonationRecipient { get; set; }
        public string DefaultCurrency { get; set; } = "CNY";
        public string? NameZh { get; set; }
        public string? DescriptionZh { get; set; }
        public string? DonationRecipientZh { get; set; }
        public bool RequireTwoFactorForCoordinators { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await editor.LoadAsync(ct);
        Input = new InputModel
        {
            Name = p.Name, Description = p.Description, CohortLengthMonths = p.CohortLengthMonths, CohortsPerYear = p.CohortsPerYear,
            MinimumMeetings = p.MinimumMeetings, MenteesNeedMembership = p.MenteesNeedMembership, MentorsNeedMembership = p.MentorsNeedMembership,
            ContactEmail = p.ContactEmail, DonationRecipient = p.DonationRecipient, DefaultCurrency = p.DefaultCurrency,
            NameZh = p.NameZh, DescriptionZh = p.DescriptionZh, DonationRecipientZh = p.DonationRecipientZh,
            RequireTwoFactorForCoordinators = p.RequireTwoFactorForCoordinators,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await editor.UpdateAsync(new ProgramRequest
        {
            Name = Input.Name, Description = Input.Description, CohortLengthMonths = Input.CohortLengthMonths, CohortsPerYear = Input.CohortsPerYear,
            MinimumMeetings = Input.MinimumMeetings, MenteesNeedMembership = Input.MenteesNeedMembership, MentorsNeedMembership = Input.MentorsNeedMembership,
            ContactEmail = Input.ContactEmail, DonationRecipient = Input.DonationRecipient, DefaultCurrency = Input.DefaultCurrency,
            NameZh = Input.NameZh, DescriptionZh = Input.DescriptionZh, DonationRecipientZh = Input.DonationRecipientZh,
            RequireTwoFactorForCoordinators = Input.RequireTwoFactorForCoordinators,
        }, ct);
        return await this.AnswerAsync(outcome, _ => t["The program settings are saved."], _ => RedirectToPage());
    }
}
