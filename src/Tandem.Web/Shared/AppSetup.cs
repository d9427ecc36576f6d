using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Tandem.Web.Data;
using Tandem.Web.Features.Account;
using Tandem.Web.Features.Agreements;
using Tandem.Web.Features.Applications;
using Tandem.Web.Features.Cohorts;
using Tandem.Web.Features.Events;
using Tandem.Web.Features.Faq;
using Tandem.Web.Features.Matching;
using Tandem.Web.Features.Meetings;
using Tandem.Web.Features.Guidance;
using Tandem.Web.Features.Library;
using Tandem.Web.Features.Memberships;
using Tandem.Web.Features.Messages;
using Tandem.Web.Features.Pairs;
using Tandem.Web.Features.Profiles;
using Tandem.Web.Features.Programs;
using Tandem.Web.Features.Public;
using Tandem.Web.Features.Sharing;
using Tandem.Web.Features.Webinars;
using Tandem.Web.Features.Workbooks;
using Tandem.Web.Shared.Email;
using Tandem.Web.Shared.Observability;
using Tandem.Web.Shared.OpenApi;

namespace Tandem.Web.Shared;

/// <summary>Everything Program.cs wires up, in one place a newcomer can read top to bottom.</summary>
public static class AppSetup
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-Hans")];

    public static void AddTandem(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddTandemDb(builder.Configuration, builder.Environment);
        builder.AddTandemDataProtection();

        services.AddIdentityApiEndpoints<User>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                // Callers are limited first (SignInGuard: 5 failures per address and account in 15 minutes), so one
                // stranger cannot reach this; failures older than 15 minutes are forgotten (TandemUserManager).
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<TandemUserManager>()
            .AddSignInManager<TandemSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddEntityFrameworkStores<TandemDb>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = ApiAware(StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ApiAware(StatusCodes.Status403Forbidden);
            o.Events.OnSignedIn = UserLanguage.RestoreCookieAsync;
        });
        // Identity's API scheme challenges with a bare 401; the cookie's handlers below send people to
        // the sign-in page and still answer API callers with 401/403.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultChallengeScheme = o.DefaultForbidScheme = IdentityConstants.ApplicationScheme);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SignIns.CookieCheckInterval);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Coordinator, p => p.RequireRole(Roles.Coordinator).AddRequirements(new TwoFactorForCoordinators()));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TwoFactorForCoordinatorsHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();

        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<EmailOptions>, EmailOptionsSetup>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<IEmailSender<User>, AccountEmails>();
        PublicAddress.AddPublicAddress(services, builder.Configuration);

        services.AddTandemTextEncoding();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Coordinator", Roles.Coordinator);
                // The cohort hub moved to /Cohorts/{id}; links and bookmarks to its old address keep working.
                o.Conventions.AddPageRoute("/Cohorts/Details", "Cohorts/Details/{id:int}");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(FeatureText.For(type)));
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Shared/{0}.cshtml"));

        services.AddProblemDetails();
        services.AddTandemBadInput();
        services.AddTandemSecurity(builder.Configuration, builder.Environment);
        services.AddTandemRateLimits(builder.Configuration);
        services.AddTandemApiDocs();
        builder.AddTandemTelemetry();

        // Feature services: one line per feature, in the order of the folders.
        services.AddScoped<DemoData>().AddScoped<LargeProgram>();
        services.AddScoped<FaqEditor>();
        services.AddPublicCache().AddScoped<ProgramOverview>();
        services.AddScoped<MentorDirectory>();
        services.AddScoped<ContactMessages>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<ProgramEditor>();
        services.AddScoped<CohortEditor>();
        services.AddScoped<CohortTransitions>().AddScoped<CohortHub>();
        services.AddScoped<Features.Reports.CohortReports>().AddScoped<Features.Dashboard.ProgramDashboard>().AddScoped<Features.Members.MemberDirectory>().AddScoped<Features.Imports.MemberImport>()
            .AddScoped<Features.Audit.AuditLog>().AddScoped<Features.Audit.AuditQueries>().AddScoped<Features.Imports.ApplicationImport>();
        services.AddScoped<MembershipBook>();
        services.AddScoped<ApplicationRules>().AddScoped<ApplicationCommands>().AddScoped<ApplicationSearch>().AddScoped<BulkDecisions>();
        services.AddScoped<Features.Pace.PairFacts>().AddScoped<Features.Pace.PaceRules>().AddScoped<Features.Pace.PaceBoard>();
        services.AddSingleton<SignInGuard>().AddScoped<Authenticator>().AddScoped<AccountDeletion>();
        services.AddScoped<UserLanguage>().AddScoped<ExistingAccounts>();
        services.AddScoped<Features.MyData.PersonalData>();
        services.AddSingleton<Features.Notifications.NoticeText>().AddScoped<Features.Notifications.Notices>().AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Features.Notifications.EmailQueue>().AddSingleton<Features.Notifications.EmailQueueSignal>().AddHostedService<Features.Notifications.EmailQueueService>();
        services.AddScoped<Features.Reminders.RemindersJob>().AddHostedService<Features.Reminders.RemindersService>();
        services.AddScoped<Features.Dashboard.WeeklyAlertsJob>().AddHostedService<Features.Dashboard.WeeklyAlertsService>();
        services.AddScoped<Features.Notifications.NoticeDigestJob>().AddScoped<Features.Notifications.NoticePreferences>().AddHostedService<Features.Notifications.NoticeDigestService>();
        services.AddScoped<Features.CheckIns.CheckInBook>();
        services.AddScoped<Features.Feedback.FeedbackBook>().AddScoped<Features.Feedback.FeedforwardThemes>();
        services.AddScoped<Features.Closure.ClosureBook>();
        services.AddScoped<MatchJobs>().AddSingleton<MatchJobSignal>().AddSingleton<MatchJobRegistry>().AddHostedService<MatchJobService>().AddScoped<MatchingExplanations>();
        services.AddMemoryCache().AddScoped<MatchSettingsEditor>().AddScoped<CohortInputBuilder>().AddScoped<MatchingWorkflow>().AddScoped<MatchPublisher>().AddScoped<MentorRankings>();
        services.AddHttpContextAccessor().AddScoped<AgreementBook>().AddScoped<MeetingBook>().AddScoped<Features.Pairs.ReverseMentoring>().AddScoped<MeetingCalendar>().AddScoped<MessageBook>().AddScoped<SharingBook>();
        services.AddScoped<SchedulingAssistant>();
        services.AddScoped<LibraryCatalog>().AddScoped<LibraryEditor>();
        services.AddScoped<WorkbookStore>();
        services.AddScoped<MentorGuidance>();
        services.AddScoped<WebinarBook>().AddScoped<DilemmaBoard>();
        services.AddScoped<EventBook>().AddScoped<Engagement>().AddScoped<ViewerTime>().AddScoped<ProgramCalendar>();
    }

    public static void UseTandem(this WebApplication app)
    {
        app.UseTandemSecurity();
        // API callers get RFC 9457 ProblemDetails for every error; people get a friendly page.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), web =>
        {
            web.UseExceptionHandler("/Error");
            web.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        app.UseTandemBadInput();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRevokedTokenCheck();
        app.UseTandemRateLimits();
        app.UseAuthorization();
        // After authentication, so signed-in requests are never answered from it.
        app.UseOutputCache();
        Features.Public.PublicCache.UsePublicCompression(app);
    }

    public static void MapTandem(this WebApplication app)
    {
        app.MapTandemTelemetry();
        app.MapTandemApiDocs();
        app.MapRazorPages();
        app.MapCulture();

        var api = app.MapGroup("/api/v1").AddEndpointFilter(ApiAntiforgery.RequireTokenForCookieWritesAsync).AddEndpointFilterFactory(BadInput.Guard);
        api.MapGroup("/account").WithTags("Account").AddEndpointFilter(ExistingAccounts.HideTakenAddressesAsync).AddEndpointFilter(SignInGuard.AnswerRefusalsAsync).MapIdentityApi<User>();
        api.MapLanguage();
        Features.MyData.MyDataApi.MapMyData(api);
        api.MapSignIns();
        api.MapAccount();
        api.MapProfiles();
        api.MapPrograms();
        api.MapCohorts();
        Features.Reports.ReportsApi.MapReports(api);
        Features.Dashboard.DashboardApi.MapDashboard(api);
        Features.Members.MembersApi.MapMembers(api);
        Features.Imports.ImportsApi.MapImports(api);
        Features.Audit.AuditApi.MapAudit(api);
        api.MapMemberships();
        api.MapApplications();
        api.MapMatching();
        api.MapFaq();
        api.MapPublic();
        Features.Pairs.PairsOverviewApi.MapPairsOverview(api);
        Features.Notifications.NotificationsApi.MapNotifications(api);
        Features.CheckIns.CheckInsApi.MapCheckIns(api);
        Features.Feedback.FeedbackApi.MapFeedback(api);
        Features.Closure.ClosureApi.MapClosure(api);
        api.MapPairs();
        api.MapAgreements();
        api.MapMeetings();
        api.MapMessages();
        api.MapSharing();
        app.MapMeetingCalendars();
        api.MapLibrary();
        api.MapEvents();
        api.MapWebinars();
        api.MapWorkbooks();
        api.MapGuidance();
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAware(int status) => ctx =>
    {
        if (IsApi(ctx.HttpContext))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    };
}
