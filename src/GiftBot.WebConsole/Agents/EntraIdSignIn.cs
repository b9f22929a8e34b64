using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.WebConsole.Agents;

/// <summary>
/// Optional Microsoft Entra ID sign-in (OpenID Connect, authorization code flow) for shops on Azure: switched on by
/// Console:EntraId:Enabled. A successful Entra ID sign-in becomes the same console cookie as a password sign-in;
/// Console:EntraId:AllowedUsers limits who may come in.
/// </summary>
public sealed class EntraIdSignIn(bool isEnabled)
{
    public const string Scheme = "GiftBot.Console.EntraId";
    public const string ChallengePath = "/sign-in/entra-id";

    public bool IsEnabled { get; } = isEnabled;

    internal static void Register(AuthenticationBuilder authentication, IServiceCollection services, IConfiguration configuration)
    {
        var entra = configuration.GetSection(WebConsoleOptions.SectionName).GetSection("EntraId").Get<EntraIdOptions>() ?? new EntraIdOptions();
        services.AddSingleton(new EntraIdSignIn(entra.Enabled));
        if (!entra.Enabled) return;
        authentication.AddOpenIdConnect(Scheme, "Microsoft Entra ID", oidc =>
        {
            oidc.SignInScheme = ConsoleAuth.Scheme;
            oidc.Authority = entra.Authority;
            oidc.ClientId = entra.ClientId;
            oidc.ClientSecret = entra.ClientSecret;
            oidc.ResponseType = "code";
            oidc.CallbackPath = "/sign-in/entra-id/callback";
            oidc.Scope.Add("email");
            oidc.TokenValidationParameters.NameClaimType = "preferred_username";
            oidc.Events.OnTokenValidated = context =>
            {
                var user = context.Principal?.FindFirst("preferred_username")?.Value ?? context.Principal?.FindFirst(ClaimTypes.Email)?.Value;
                if (user is null || (entra.AllowedUsers.Count > 0 && !entra.AllowedUsers.Contains(user, StringComparer.OrdinalIgnoreCase)))
                {
                    context.Fail("This Entra ID account may not use the console.");
                    return Task.CompletedTask;
                }
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ConsoleAuth.DisplayNameClaim, context.Principal!.FindFirst("name")?.Value ?? user)],
                    ConsoleAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role);
                context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            };
        });
    }

    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChallengePath, (HttpContext context, EntraIdSignIn entra) => entra.IsEnabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SignInEndpoints.LocalReturnUrl(context.Request.Query["returnUrl"]) }, [Scheme])
            : Results.NotFound()).AllowAnonymous();
    }
}
