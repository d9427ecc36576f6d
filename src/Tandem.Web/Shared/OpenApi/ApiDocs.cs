using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Tandem.Web.Shared.OpenApi;

/// <summary>
/// The API reference: the OpenAPI document at /openapi/v1.json and Scalar at /api/docs, both served in Development and
/// Testing, and elsewhere only with <c>Api:Docs=true</c>. Summaries are written on each endpoint's Map line
/// (<c>WithSummary</c>); the description of every operation is built by <see cref="OperationText"/> from what the
/// endpoint declares (who may call it, what it answers), after any hand-written <c>WithDescription</c>, so it cannot
/// drift from the code. Schema names are made unique by <see cref="SchemaNames"/>.
/// </summary>
public static class ApiDocs
{
    public const string Bearer = "Bearer", Cookie = "Cookie";

    public static bool Enabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Api:Docs", environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    public static IServiceCollection AddTandemApiDocs(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.CreateSchemaReferenceId = SchemaNames.Create;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Tandem API",
                    Version = "v1",
                    Description = "The JSON API of Tandem, a mentorship program platform. Sign in with `POST /api/v1/account/login` and send " +
                                  "the `accessToken` it returns as `Authorization: Bearer …`, or use the sign-in cookie of the web pages. " +
                                  "Errors are RFC 9457 problem details (`application/problem+json`); lists are paged.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [Bearer] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http, Scheme = "bearer",
                        Description = "The `accessToken` from `POST /api/v1/account/login` (renew it with `POST /api/v1/account/refresh`).",
                    },
                    [Cookie] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie,
                        Name = CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme,
                        Description = "The sign-in cookie of the web pages (or from `POST /api/v1/account/login?useCookies=true`).",
                    },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var access = OperationText.AccessOf(context.Description.ActionDescriptor.EndpointMetadata);
                if (access != CallerAccess.Anyone)
                {
                    // Either scheme will do: two alternative requirements.
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
                    ];
                }
                operation.Summary ??= OperationText.IdentitySummary(context.Description);
                var generated = OperationText.Describe(access, context.Description);
                operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? generated : operation.Description.TrimEnd() + "\n\n" + generated;
                return Task.CompletedTask;
            });
        });

    public static void MapTandemApiDocs(this WebApplication app)
    {
        if (!Enabled(app.Configuration, app.Environment)) return;
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Tandem API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(Bearer)
            // Everything from the app itself: no fonts, telemetry, AI chat or deploy toolbar from Scalar's servers.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
    }
}
