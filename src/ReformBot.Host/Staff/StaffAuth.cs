using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Staff;

/// <summary>Cookie sign-in for the console, bearer API tokens for /api/staff, and the two roles.</summary>
/// <summary>Authorization policy names (console by cookie, API by bearer token).</summary>
public static class StaffAuthPolicies
{
    public const string Staff = "staff";
    public const string ApiStaff = "api-staff";
    public const string ApiAdmin = "api-admin";
}

internal static class StaffAuth
{

    public static void AddStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<StaffReplies>();
        services.AddSingleton(sp => new StaffDatabase(BotCoreExtensions.Resolve(builder.Environment.ContentRootPath, sp.GetRequiredService<BotOptions>().DataPath)));
        services.AddSingleton<StaffStore>();
        services.AddSingleton<SavedFaqStore>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/staff/login";
                options.LogoutPath = "/staff/logout";
                options.AccessDeniedPath = "/staff/login";
                options.Cookie.Name = "reformbot.staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                // A disabled account is signed out at its next request, not when its cookie expires.
                options.Events.OnValidatePrincipal = context =>
                {
                    var staff = context.HttpContext.RequestServices.GetRequiredService<StaffStore>();
                    if (staff.Find(context.Principal?.Identity?.Name ?? "") is not { Disabled: false }) context.RejectPrincipal();
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffAuthPolicies.Staff, p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireRole("staff", "admin"))
            .AddPolicy(StaffAuthPolicies.ApiStaff, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole("staff", "admin"))
            .AddPolicy(StaffAuthPolicies.ApiAdmin, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireRole("admin"));
        services.AddSingleton<StaffKnowledge>();
        services.AddSingleton<ReportCalculator>();
        services.AddHttpClient<TicketNotifier>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService(sp => sp.GetRequiredService<TicketNotifier>());
        services.AddAntiforgery(options => options.Cookie.Name = "reformbot.antiforgery");
        services.AddOpenApi();
    }

    public static ClaimsPrincipal Principal(StaffAccount account, string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, account.Username), new Claim(ClaimTypes.Role, account.Role == StaffRole.Admin ? "admin" : "staff")],
        scheme));
}

/// <summary><c>Authorization: Bearer rbt_…</c> for integrations and scripts (tokens from <c>reformbot staff token</c>).</summary>
internal sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffStore staff)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(staff.FindByToken(header["Bearer ".Length..].Trim()) is { } account
            ? AuthenticateResult.Success(new AuthenticationTicket(StaffAuth.Principal(account, SchemeName), SchemeName))
            : AuthenticateResult.Fail("Unknown or revoked API token."));
    }
}
