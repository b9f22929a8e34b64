using GiftBot.WebConsole.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace GiftBot.WebConsole.Agents;

/// <summary>Every form post in the console must carry the antiforgery token of the page it came from; otherwise 400.</summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
            return Html.Page(http, "Form expired", "<h1>This form has expired</h1><p>Go back, reload the page and try again.</p>", statusCode: 400);
        return await next(context);
    }
}
