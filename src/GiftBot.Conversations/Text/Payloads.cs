using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace GiftBot.Conversations.Text;

/// <summary>
/// The command payloads the bot puts on its buttons and quick replies. Channels deliver a tap as a message whose
/// Text is the payload, so these are UPPER_SNAKE words with an optional ":argument" that no shopper types by accident.
/// </summary>
public static partial class Payloads
{
    public const string GetStarted = "GET_STARTED";
    public const string ShowMore = "SHOW_MORE";
    public const string Cheaper = "CHEAPER";
    public const string DifferentInterests = "DIFFERENT_INTERESTS";
    public const string StartOver = "START_OVER";
    public const string ViewBasket = "VIEW_BASKET";
    public const string Checkout = "CHECKOUT";
    public const string TalkToHuman = "TALK_TO_HUMAN";
    public const string Help = "HELP";
    public const string Share = "SHARE";
    /// <summary>Starts a fresh gift search.</summary>
    public const string FindGift = "FIND_GIFT";
    /// <summary>Re-asks one slot of the current search (offered when nothing fits).</summary>
    public const string ChangeAge = "CHANGE_AGE";
    public const string ChangeBudget = "CHANGE_BUDGET";
    /// <summary>The shopper confirmed emptying the basket (offered after a typed "empty my basket"), or declined it.</summary>
    public const string EmptyBasket = "EMPTY_BASKET";
    public const string KeepBasket = "KEEP_BASKET";
    /// <summary>Withdraws a request for a person that waits for the team, and goes on with the bot.</summary>
    public const string BackToBot = "BACK_TO_BOT";

    public const string AddToBasket = "ADD_TO_BASKET";
    public const string RemoveFromBasket = "REMOVE_FROM_BASKET";
    public const string MoreLikeThis = "MORE_LIKE_THIS";
    public const string Faq = "FAQ";
    public const string Preset = "PRESET";
    /// <summary>Starts a gift search pre-filled from a saved recipient profile (argument: the relationship).</summary>
    public const string GiftFor = "GIFT_FOR";
    /// <summary>Serves the next of several people named in one message ("Now for Sam (5, dinosaurs)"), the basket kept.</summary>
    public const string NextPerson = "NEXT_PERSON";

    private static readonly HashSet<string> Plain =
    [
        GetStarted, ShowMore, Cheaper, DifferentInterests, StartOver, ViewBasket, Checkout, TalkToHuman, Help, Share,
        FindGift, ChangeAge, ChangeBudget, EmptyBasket, KeepBasket, BackToBot, NextPerson,
    ];

    private static readonly HashSet<string> WithArgument = [AddToBasket, RemoveFromBasket, MoreLikeThis, Faq, Preset, GiftFor];

    [GeneratedRegex(@"^(?<name>[A-Z][A-Z_]*[A-Z])(?::(?<arg>[^\s:][^\s]{0,199}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PayloadPattern();

    /// <summary>The payload for a command with an argument, e.g. <c>With(AddToBasket, "SKU-1")</c> = "ADD_TO_BASKET:SKU-1".</summary>
    public static string With(string command, string argument)
    {
        if (!WithArgument.Contains(command)) throw new ArgumentException($"'{command}' takes no argument.", nameof(command));
        ArgumentException.ThrowIfNullOrWhiteSpace(argument);
        if (argument.Any(char.IsWhiteSpace)) throw new ArgumentException("Payload arguments cannot contain white space.", nameof(argument));
        return $"{command}:{argument}";
    }

    /// <summary>
    /// Reads a known command from a message text. Case-sensitive and exact: "show more" typed by a shopper is free text,
    /// "SHOW_MORE" from a button is a command; unknown UPPER_SNAKE words and commands missing their argument are not commands.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PayloadCommand? command)
    {
        command = null;
        if (string.IsNullOrEmpty(text) || text.Length > 240) return false;
        var match = PayloadPattern().Match(text.Trim());
        if (!match.Success) return false;
        var name = match.Groups["name"].Value;
        var argument = match.Groups["arg"].Success ? match.Groups["arg"].Value : null;
        var known = argument is null ? Plain.Contains(name) : WithArgument.Contains(name);
        if (!known) return false;
        command = new PayloadCommand(name, argument);
        return true;
    }

    public static bool Is(string? text, string command) => TryParse(text, out var parsed) && parsed.Name == command;

    /// <summary>
    /// Text shaped like a button's payload that is no command of this bot ("OLD_OFFER", "SHOW_DEALS:XMAS"): UPPER_SNAKE
    /// with at least one underscore, so a word typed in capitals ("LEGO", "HELP ME") is not one; or a JSON object.
    /// </summary>
    public static bool LooksLikeButton(string? text, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (string.IsNullOrEmpty(text) || text.Length > 240 || TryParse(text, out _)) return false;
        var trimmed = text.Trim();
        // Tools that build Messenger menus and ads often put JSON in a payload; no shopper types a JSON object.
        if (IsJsonObject(trimmed))
        {
            name = "(JSON payload)";
            return true;
        }
        var match = ButtonShape().Match(trimmed);
        if (!match.Success) return false;
        name = match.Groups["name"].Value;
        return true;
    }

    private static bool IsJsonObject(string text)
    {
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}') return false;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?::\S{1,200})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ButtonShape();
}

/// <summary>A parsed button payload: the command name and its argument, if the command takes one.</summary>
public sealed record PayloadCommand(string Name, string? Argument)
{
    public string RequiredArgument => Argument ?? throw new InvalidOperationException($"{Name} has no argument.");

    public override string ToString() => Argument is null ? Name : $"{Name}:{Argument}";
}
