using GiftBot.Messenger.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Commands;

/// <summary>"--name value" options and "--flag" switches; settings come from appsettings.json, environment variables (Facebook__PageAccessToken) and the command line.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public CommandArguments(string[] args, params string[] flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { Unexpected.Add(args[i]); continue; }
            var name = args[i][2..];
            if (name.Contains('=')) { var at = name.IndexOf('='); _values[name[..at]] = name[(at + 1)..]; }
            else if (flags.Contains(name, StringComparer.OrdinalIgnoreCase) || i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) _values[name] = null;
            else _values[name] = args[++i];
        }
    }

    public List<string> Unexpected { get; } = [];

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public static IConfiguration BuildConfiguration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.Contains(':') && a.Contains('=')).ToArray())
            .Build();

    /// <summary>A Graph API client configured from the "Facebook" section, with the same retries and redacted logging as the bot.</summary>
    public static ServiceProvider GraphServices(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // The CLI hands over the bot's configuration, which carries its content root: the bot's data paths resolve against it.
        if (configuration[HostDefaults.ContentRootKey] is { Length: > 0 } contentRoot)
            services.AddSingleton<IHostEnvironment>(new ToolEnvironment(contentRoot));
        services.AddOptions<FacebookOptions>().Bind(configuration.GetSection(FacebookOptions.SectionName));
        services.AddGraphApiClient();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        // A wrong address is reported naming its key (the CLI prints it as one line), not as a failed request later.
        var failures = FacebookOptionsValidator.GraphAddressFailures(provider.GetRequiredService<IOptions<FacebookOptions>>().Value).ToList();
        if (failures.Count > 0)
        {
            provider.Dispose();
            throw new OptionsValidationException(FacebookOptions.SectionName, typeof(FacebookOptions), failures);
        }
        return provider;
    }

    private sealed class ToolEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "GiftBot";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    public static string ContentRoot(CommandArguments arguments, IConfiguration configuration) =>
        arguments.Get("content") ?? configuration["Content:RootPath"] ?? "content";
}
