using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GiftBot.WebConsole;

/// <summary>Serves the stylesheet and script embedded in this assembly (public: the sign-in page needs them).</summary>
internal static class ConsoleAssets
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ConsoleRoutes.Stylesheet, () => Serve("console.css", "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(ConsoleRoutes.Script, () => Serve("console.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Serve(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"GiftBot.WebConsole.Assets.{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
