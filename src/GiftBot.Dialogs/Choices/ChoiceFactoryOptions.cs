namespace GiftBot.Dialogs.Choices;

/// <summary>Words used to join an inline list; defaults come from the activity's culture.</summary>
public class ChoiceFactoryOptions
{
    /// <summary>Between choices, e.g. ", ".</summary>
    public string? InlineSeparator { get; set; }

    /// <summary>Between two choices, e.g. " or ".</summary>
    public string? InlineOr { get; set; }

    /// <summary>Before the last of three or more choices, e.g. ", or ".</summary>
    public string? InlineOrMore { get; set; }

    /// <summary>Whether to number the choices "(1)" (inline) and "1." (list). Default true.</summary>
    public bool? IncludeNumbers { get; set; }
}
