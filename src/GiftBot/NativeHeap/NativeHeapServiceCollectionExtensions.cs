using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.NativeHeap;

public static class NativeHeapServiceCollectionExtensions
{
    /// <summary>Hands free native memory back to the system now and then ("NativeHeap" section, validated at start-up).</summary>
    public static IServiceCollection AddNativeHeapTrim(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NativeHeapOptions>().Bind(configuration.GetSection(NativeHeapOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NativeHeapOptions>, NativeHeapOptionsValidator>());
        services.AddHostedService<NativeHeapTrim>();
        return services;
    }
}
