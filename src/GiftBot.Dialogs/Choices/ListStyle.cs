namespace GiftBot.Dialogs.Choices;

/// <summary>How a prompt shows its choices.</summary>
public enum ListStyle
{
    /// <summary>Text only, no choices shown.</summary>
    None,

    /// <summary>Pick the best rendering for the channel (<see cref="ChoiceFactory.ForChannel"/>).</summary>
    Auto,

    /// <summary>"text (1) a, (2) b, or (3) c".</summary>
    Inline,

    /// <summary>A numbered list, one choice per line.</summary>
    List,

    /// <summary>Suggested actions (Messenger quick replies).</summary>
    SuggestedAction,

    /// <summary>A hero card with one button per choice.</summary>
    HeroCard,
}
