using Microsoft.Extensions.Configuration;
using System.Reflection;
using System.Text.RegularExpressions;
using GiftBot.Bot;

namespace GiftBot.Tests.Configuration;

/// <summary>.env.sample is the one place an operator learns the settings: it must name every setting of every capability.</summary>
public sealed class EnvSampleTests
{
    [Fact]
    public void ListsEverySettingOfEveryOptionsClass_WithAComment()
    {
        var sample = File.ReadAllLines(Path.Combine(RepositoryRoot(), ".env.sample"));
        var listed = sample
            .Select((line, index) => (Match: Regex.Match(line, @"^#?([A-Za-z_][A-Za-z0-9_]*)="), Index: index))
            .Where(x => x.Match.Success)
            .ToDictionary(x => x.Match.Groups[1].Value, x => x.Index, StringComparer.OrdinalIgnoreCase);

        var expected = OptionsKeys().Concat(RootKeys()).ToList();

        Assert.NotEmpty(expected);
        // A list or dictionary setting is listed by one of its items (Section__List__0, Section__Map__name).
        int? LineOf(string key) => listed.TryGetValue(key, out var line) ? line
            : listed.FirstOrDefault(l => l.Key.StartsWith(key + "__", StringComparison.OrdinalIgnoreCase)) is { Key: not null } item ? item.Value : null;
        var missing = expected.Where(key => LineOf(key) is null).ToList();
        Assert.True(missing.Count == 0, $".env.sample does not list: {string.Join(", ", missing)}");
        var uncommented = expected.Where(key => !sample[LineOf(key)!.Value - 1].TrimStart().StartsWith('#')).ToList();
        Assert.True(uncommented.Count == 0, $"no comment line above: {string.Join(", ", uncommented)}");
    }

    [Fact]
    public void StatesTheShippedDefault_ForEverySettingItGivesAValue()
    {
        var sample = File.ReadAllLines(Path.Combine(RepositoryRoot(), ".env.sample"))
            .Select(line => Regex.Match(line, @"^#?([A-Za-z_][A-Za-z0-9_]*)=(.+)$"))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value.Trim(), StringComparer.OrdinalIgnoreCase);
        // The shipped default is the code's, overlaid by the host's appsettings.json.
        var appsettings = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "src", "GiftBot", "appsettings.json"))
            .Build();

        var disagreements = new List<string>();
        foreach (var (type, section) in OptionsTypes().Where(t => t.Type.GetConstructor(Type.EmptyTypes) is not null))
        {
            var defaults = Activator.CreateInstance(type)!;
            appsettings.GetSection(section).Bind(defaults);
            Compare(defaults, section);
        }
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));

        void Compare(object defaults, string prefix)
        {
            foreach (var property in defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod?.IsPublic == true && p.GetIndexParameters().Length == 0))
            {
                var key = $"{prefix}__{property.Name}";
                if (property.GetValue(defaults) is not { } value) continue;
                if (!IsScalar(property.PropertyType))
                {
                    if (property.PropertyType.Namespace?.StartsWith("GiftBot", StringComparison.Ordinal) == true) Compare(value, key);
                    continue;
                }
                if (property.SetMethod?.IsPublic != true || !sample.TryGetValue(key, out var stated)) continue;
                var shipped = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                if (!string.Equals(stated, shipped, StringComparison.OrdinalIgnoreCase))
                    disagreements.Add($"{key}: .env.sample says {stated}, the code ships {shipped}");
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);
    }

    private static IEnumerable<(Type Type, string Section)> OptionsTypes() =>
        typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("GiftBot", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(Program).Assembly)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true })
            .Select(t => (t.Type, (string)t.Field!.GetRawConstantValue()!));

    /// <summary>Section__Property (and Section__Nested__Property) for every XxxOptions class with a SectionName in a GiftBot assembly.</summary>
    private static IEnumerable<string> OptionsKeys()
    {
        var assemblies = typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("GiftBot", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(Program).Assembly);
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field || !type.Name.EndsWith("Options", StringComparison.Ordinal)) continue;
            foreach (var key in Keys(type, (string)field.GetRawConstantValue()!)) yield return key;
        }
    }

    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{prefix}__{property.Name}";
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType.Namespace?.StartsWith("GiftBot", StringComparison.Ordinal) == true)
                foreach (var nested in Keys(property.PropertyType, key)) yield return nested;
            else
                yield return key;
        }
    }

    // Bot Framework reads its credentials from the configuration root, not a section.
    private static IEnumerable<string> RootKeys() =>
        typeof(BotCredentialsOptions).GetProperties().Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GiftBot.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("GiftBot.sln not found above the test output.");
    }
}
