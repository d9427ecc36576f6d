using System.Runtime.CompilerServices;

namespace Tandem.Web.Tests.Infrastructure;

internal static class TestHostSettings
{
    /// <summary>
    /// Hundreds of in-process app hosts would each watch appsettings*.json with inotify, and a
    /// machine's inotify instance limit (128 per user by default) runs out mid-suite. Test hosts
    /// never need configuration reloads.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must be set before any host is built.")]
    internal static void DisableConfigurationWatchers()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
