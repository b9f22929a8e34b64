using GiftBot.Dialogs.Tests.Support;
using GiftBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace GiftBot.Dialogs.Tests;

/// <summary>The dialog stack survives GiftBot's durable store and a restart (new store, new dialogs, same file).</summary>
public sealed class SqliteRoundTripTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-dialogs-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ComponentStack_WithPrompts_ContinuesAfterRestart()
    {
        var path = Path.Combine(_folder, "giftbot.db");

        var firstRun = await OpenStorageAsync(path);
        await new DialogHarness(firstRun, "emulator", new GiftQuestionsDialog()).Flow()
            .Send("hi").AssertReply("name?")
            .Send("Ada").AssertReply("age?")
            .Send("8").AssertReply(reply => Assert.Equal(["Yes", "No"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title)))
            .StartTestAsync();

        var afterRestart = await OpenStorageAsync(path);
        var harness = new DialogHarness(afterRestart, "emulator", new GiftQuestionsDialog());
        await harness.Flow()
            .Send("maybe").AssertReply(reply =>
            {
                // The retry is the stored question, quick replies and all, read back after the restart.
                Assert.Equal("sure?", reply.AsMessageActivity().Text);
                Assert.Equal(["Yes", "No"], reply.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("yep").AssertNoReply(timeout: 50)
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Complete, harness.LastResult!.Status);
        Assert.Equal("Ada is 8", harness.LastResult.Result);
    }

    [Fact]
    public async Task StoredPrompt_KeepsOnlyTheActivityMembersThatAreSet()
    {
        var path = Path.Combine(_folder, "giftbot.db");
        var storage = await OpenStorageAsync(path);
        await new DialogHarness(storage, "emulator", new GiftQuestionsDialog()).Flow()
            .Send("hi").AssertReply("name?")
            .StartTestAsync();

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM state WHERE key LIKE '%/conversations/%';";
        var stored = (string)(await command.ExecuteScalarAsync())!;

        // The question is stored as sent ("name?") without the forty-odd unset members an Activity would write as null.
        Assert.Contains("\"text\":\"name?\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"speak\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"semanticAction\"", stored, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing on a slow machine: leave the temp folder rather than fail the test.
        }
    }

    private static async Task<SqliteStorage> OpenStorageAsync(string path)
    {
        var database = new SqliteDatabase(path);
        await database.EnsureCreatedAsync();
        return new SqliteStorage(database);
    }
}
