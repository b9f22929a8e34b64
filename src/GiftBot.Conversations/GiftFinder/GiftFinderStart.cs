using GiftBot.Language;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// How the gift finder is begun: a fresh search (optionally pre-filled from an utterance or a saved recipient), or the
/// current search with corrections or a refinement. Only read when the dialog begins, never persisted.
/// </summary>
public sealed record GiftFinderStart
{
    /// <summary>Forget the current search (its answers and the products already shown).</summary>
    public bool Fresh { get; init; }

    /// <summary>Slots the shopper already gave ("for my 8 year old nephew, max 40 dollars").</summary>
    public ShopperUnderstanding? Slots { get; init; }

    /// <summary>A saved recipient to search for again (returning shopper).</summary>
    public RecipientProfile? Profile { get; init; }

    public Refinement Refinement { get; init; }

    /// <summary>The product of MORE_LIKE_THIS.</summary>
    public string? ProductId { get; init; }

    /// <summary>The next of several people named in one message, with their own details; the budget and basket stay.</summary>
    public bool NextPerson { get; init; }

    /// <summary>A fresh search for someone said as a swap ("something for a boy instead"): the last search's age, budget and
    /// exclusions still hold and are not asked again.</summary>
    public bool KeepsLimits { get; init; }

    public static GiftFinderStart ForNextPerson() => new() { NextPerson = true };

    public static GiftFinderStart New(ShopperUnderstanding? slots = null) => new() { Fresh = true, Slots = slots };

    public static GiftFinderStart Refine(Refinement refinement, string? productId = null) => new() { Refinement = refinement, ProductId = productId };

    public static GiftFinderStart Correct(ShopperUnderstanding slots) => new() { Slots = slots };

    /// <summary>
    /// The one mapping from a gift-finder button (carousel refinements, "find a gift", a saved recipient) to how the gift
    /// finder begins; null for any other command. Used by the main dialog and by the gift finder while a question is open.
    /// </summary>
    public static async Task<GiftFinderStart?> ForCommandAsync(
        Microsoft.Bot.Builder.ITurnContext turnContext, Text.PayloadCommand command, RecipientMemory memory, CancellationToken cancellationToken) => command.Name switch
    {
        Text.Payloads.ShowMore => Refine(Refinement.ShowMore),
        Text.Payloads.Cheaper => Refine(Refinement.Cheaper),
        Text.Payloads.DifferentInterests => Refine(Refinement.DifferentInterests),
        Text.Payloads.ChangeAge => Refine(Refinement.ChangeAge),
        Text.Payloads.ChangeBudget => Refine(Refinement.ChangeBudget),
        Text.Payloads.MoreLikeThis => Refine(Refinement.MoreLikeThis, command.Argument),
        Text.Payloads.FindGift => New(),
        Text.Payloads.NextPerson => ForNextPerson(),
        Text.Payloads.GiftFor => await ForSavedRecipientAsync(turnContext, command.RequiredArgument, memory, cancellationToken),
        _ => null,
    };

    /// <summary>
    /// A saved recipient's search again (GIFT_FOR:&lt;recipient&gt;). With nothing saved under that name (a stale button, or
    /// a payload typed in Web Chat) the search starts fresh and asks who it is for: the argument is never said back.
    /// </summary>
    public static async Task<GiftFinderStart> ForSavedRecipientAsync(
        Microsoft.Bot.Builder.ITurnContext turnContext, string recipient, RecipientMemory memory, CancellationToken cancellationToken) =>
        await memory.FindAsync(turnContext, recipient, cancellationToken) is { } profile ? new GiftFinderStart { Fresh = true, Profile = profile } : New();
}
