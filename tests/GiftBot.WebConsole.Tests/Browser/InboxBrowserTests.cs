using GiftBot.Customers.Context;
using GiftBot.WebConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GiftBot.WebConsole.Tests.Browser;

/// <summary>
/// An agent's day in a real browser (Debian's chromium): sign in, find the shopper who asked for a person at the top of
/// the queue, read the conversation as the shopper saw it, reply (the Send API stand-in receives it with the right
/// messaging type), tag, note, assign, hand back; a second agent sees the assignment.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxBrowserTests(Browsers browsers)
{
    private const string Psid = "2000002";

    [BrowserFact]
    public async Task AgentAnswersAShopperWhoAskedForAPerson_AndASecondAgentSeesTheAssignment()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("anna", "anna-password-1");
        await host.AddAgentAsync("ben", "ben-password-22");
        await host.SendWebhookAsync(Psid, ConsoleHost.Text("mid.1", "hello"));
        await host.SendWebhookAsync(Psid, ConsoleHost.Postback("Talk to a person", "TALK_TO_HUMAN"));
        await WaitUntilAsync(async () => (await Card(host))?.Handover.Status is HandoverStatus.WaitingForAgent or HandoverStatus.HumanOwns);

        var context = await browsers.NewContextAsync(host.Address, 1400, 900);
        var page = await context.NewPageAsync();

        // Anonymous: sent to this host's sign-in page, whose password field is in the server's HTML.
        await page.GotoAsync("/console/inbox");
        Assert.EndsWith("/sign-in?ReturnUrl=%2Fconsole%2Finbox", page.Url);
        await Browsers.AssertAccessibleAsync(page);

        // A wrong password is refused.
        await SignInAsync(page, "anna", "not-her-password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong name or password");

        await SignInAsync(page, "anna", "anna-password-1");
        await page.WaitForURLAsync("**/console/inbox");
        var waiting = page.Locator($"[data-waiting-person='facebook/{Psid}']");
        await Assertions.Expect(waiting).ToContainTextAsync("Ann");
        await Assertions.Expect(waiting).ToContainTextAsync("waiting");
        await Browsers.AssertAccessibleAsync(page);

        await waiting.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/console/inbox/facebook/{Psid}");
        var thread = page.Locator("#thread");
        await Assertions.Expect(thread).ToContainTextAsync("Talk to a person");   // the button's label, as the shopper saw it
        await Assertions.Expect(thread).Not.ToContainTextAsync("TALK_TO_HUMAN");  // never the raw payload
        await Assertions.Expect(page.Locator("[data-reply-mode]")).ToHaveAttributeAsync("data-reply-mode", "Response");

        // Live: a new message appears without a reload.
        await page.EvaluateAsync("window.__notReloaded = true");
        await host.SendWebhookAsync(Psid, ConsoleHost.Text("mid.2", "is anyone there?"));
        await Assertions.Expect(thread).ToContainTextAsync("is anyone there?", new() { Timeout = 15000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
        await Browsers.AssertAccessibleAsync(page);
        await Browsers.ScreenshotAsync(page, "inbox");

        host.Graph.ClearRequests();
        await page.GetByLabel("Reply to the shopper").FillAsync("Hi Ann, Maya from the shop here. How can I help?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Reply sent");
        var sent = (await host.Graph.WaitForRequestsAsync(1, r => r.Path == "/v25.0/me/messages" && (string?)r.Json?["message"]?["text"] == "Hi Ann, Maya from the shop here. How can I help?", TimeSpan.FromSeconds(10)))[0].Json!;
        Assert.Equal("RESPONSE", (string?)sent["messaging_type"]);
        Assert.Equal(Psid, (string?)sent["recipient"]?["id"]);
        await Assertions.Expect(thread).ToContainTextAsync("Agent anna");

        await page.GetByLabel("Add tag").FillAsync("Gift wrap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Tags" })).ToContainTextAsync("gift wrap");
        await page.GetByLabel("New note").FillAsync("Wants it delivered before Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Assertions.Expect(page.Locator("#context")).ToContainTextAsync("Wants it delivered before Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-assigned]")).ToHaveTextAsync("anna");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand back to the bot" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("With the bot");
        Assert.Equal(HandoverStatus.BotOwns, (await Card(host))!.Handover.Status);

        // A second agent sees who has the shopper.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, "ben", "ben-password-22");
        // Signed in once the redirect to the inbox is committed (its cookie is set); the next line leaves that page at once,
        // so waiting for its load only adds a wait that a loaded CI machine once stretched past the minute.
        await page.WaitForURLAsync("**/console/inbox", new() { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync($"/console/inbox/facebook/{Psid}");
        await Assertions.Expect(page.Locator("[data-assigned]")).ToHaveTextAsync("anna");
        await Assertions.Expect(page.Locator("[data-agent]")).ToHaveTextAsync("ben");
        await context.DisposeAsync();
    }

    private static async Task SignInAsync(IPage page, string name, string password)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal)) await page.GotoAsync("/sign-in");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static Task<CustomerContext?> Card(ConsoleHost host) =>
        host.Services.GetRequiredService<ICustomerContextStore>().GetAsync("facebook", Psid, default);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the shopper to reach the waiting queue.");
            await Task.Delay(100);
        }
    }
}
