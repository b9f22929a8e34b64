namespace GiftBot.Catalog.Themes;

/// <summary>One row of the marketer's theme file: a catalog theme, how to show it, and the words shoppers use for it.</summary>
public sealed record ThemeDefinition(string Name, string DisplayName, IReadOnlyList<string> Synonyms);
