using System.Security.Claims;
using GiftBot.WebConsole.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GiftBot.WebConsole.Agents;

/// <summary>GET/POST /sign-in (the password form, served by this host) and POST /console/sign-out.</summary>
internal static class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder console)
    {
        endpoints.MapGet(ConsoleRoutes.SignIn, (HttpContext context) => Form(context, null, null, 200)).AllowAnonymous();
        endpoints.MapPost(ConsoleRoutes.SignIn, SignInAsync).AllowAnonymous().AddEndpointFilter<AntiforgeryFilter>();
        console.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.Redirect(ConsoleRoutes.SignIn);
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, AgentSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var name = form["name"].ToString().Trim();
        var result = await signIn.CheckAsync(name, form["password"].ToString(), cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.Success:
                var account = result.Account!;
                var identity = new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, account.Name), new Claim(ConsoleAuth.DisplayNameClaim, account.DisplayName)],
                    ConsoleAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role);
                await context.SignInAsync(ConsoleAuth.Scheme, new ClaimsPrincipal(identity));
                return Results.Redirect(LocalReturnUrl(form["returnUrl"]));
            case SignInOutcome.LockedOut:
                return Form(context, name, $"Too many wrong passwords: this account is locked until {result.LockedUntil!.Value.UtcDateTime:HH:mm} UTC.", 423);
            default:
                return Form(context, name, "Wrong name or password.", 401);
        }
    }

    /// <summary>Only console addresses on this host: never an open redirect.</summary>
    internal static string LocalReturnUrl(string? value) =>
        value is { Length: > 0 } url && url.StartsWith(ConsoleRoutes.Root, StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url : ConsoleRoutes.Inbox;

    private static IResult Form(HttpContext context, string? name, string? error, int status)
    {
        var returnUrl = LocalReturnUrl(context.Request.Query["ReturnUrl"].FirstOrDefault() ?? (context.Request.HasFormContentType ? context.Request.Form["returnUrl"].ToString() : null));
        var entra = context.RequestServices.GetService(typeof(EntraIdSignIn)) is EntraIdSignIn { IsEnabled: true }
            ? $"""<p class="alt-signin"><a class="button" href="{EntraIdSignIn.ChallengePath}?returnUrl={Uri.EscapeDataString(returnUrl)}">Sign in with Microsoft Entra ID</a></p>"""
            : "";
        var body =
            $"""
            <section class="signin" aria-labelledby="signin-title">
              <h1 id="signin-title">Sign in</h1>
              <p>The shop's inbox and figures are for the team. Ask an administrator for an account (<code>giftbot agents add &lt;name&gt;</code>).</p>
              {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{Html.E(error)}</p>")}
              <form method="post" action="{ConsoleRoutes.SignIn}">
                {Html.Antiforgery(context)}
                <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
                <label for="name">Name</label>
                <input id="name" name="name" autocomplete="username" required maxlength="{AgentSignIn.MaxNameLength}" value="{Html.E(name)}">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
              </form>
              {entra}
            </section>
            """;
        return Html.Page(context, "Sign in", body, statusCode: status);
    }
}
