using System.Net;

namespace Tandem.Web.Shared.Observability;

/// <summary>
/// Who may read /metrics. Development and Testing: anyone. Elsewhere it is closed unless configured:
/// <c>Metrics:Port</c> serves it only on that local port (bind an internal port next to the public one), and
/// <c>Metrics:AllowedNetworks</c> (CIDR list, e.g. <c>10.0.0.0/8;127.0.0.1/32</c>) only to scrapers in those networks.
/// When both are set, both must hold. Everyone else gets 404, as if there were nothing there.
/// </summary>
public sealed class MetricsAccess
{
    private readonly bool open;
    private readonly int? port;
    private readonly IReadOnlyList<IPNetwork> networks;

    public MetricsAccess(IConfiguration configuration, IHostEnvironment environment)
    {
        open = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        port = configuration.GetValue<int?>("Metrics:Port");
        networks = (configuration["Metrics:AllowedNetworks"] ?? "")
            .Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => IPNetwork.TryParse(n, out var network) ? network
                : throw new InvalidOperationException($"Metrics:AllowedNetworks: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8)."))
            .ToList();
    }

    public bool Configured => port is not null || networks.Count > 0;

    public bool Allows(HttpContext context)
    {
        if (open && !Configured) return true;
        if (!Configured) return false;
        if (port is { } p && context.Connection.LocalPort != p) return false;
        if (networks.Count == 0) return true;
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return networks.Any(n => n.Contains(remote));
    }
}
