namespace GiftBot.Language.Training;

/// <summary>An entity annotation in a training utterance: "{recipient:nephew}" → Type "recipient", Text "nephew".</summary>
public sealed record Annotation(string Type, string Text, int Start);

/// <summary>A training utterance with its intent and its annotations removed from the text.</summary>
public sealed record AnnotatedUtterance(string Intent, string Text, IReadOnlyList<Annotation> Annotations);
