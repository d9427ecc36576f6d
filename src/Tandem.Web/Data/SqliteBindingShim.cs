using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Tandem.Web.Data;

/// <summary>
/// The package registry here serves SQLitePCLRaw 2.0.6 only, while EF Core 10's SQLite provider is
/// compiled against 2.1.x. Every member EF Core and Microsoft.Data.Sqlite call exists in 2.0.6
/// (except LoadExtension, which Tandem does not use), so a request for a 2.1+ SQLitePCLRaw assembly
/// is answered with whatever version is deployed. Version-less so it also works in single-file
/// publish. SqliteBindingShimTests fails if a package bump makes this unnecessary or insufficient.
/// </summary>
public static class SqliteBindingShim
{
    public static bool Resolved { get; private set; }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before EF Core loads SQLitePCLRaw.")]
    public static void Register() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || !name.Name.StartsWith("SQLitePCLRaw", StringComparison.Ordinal)) return null;
        if (name.Version is null || name.Version < new Version(2, 1)) return null;
        Resolved = true;
        return context.LoadFromAssemblyName(new AssemblyName(name.Name));
    }
}
