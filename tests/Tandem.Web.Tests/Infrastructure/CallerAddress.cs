using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Tandem.Web.Tests.Infrastructure;

/// <summary>Test requests all come from one connection: the <see cref="Header"/> header stands for the caller's address.</summary>
public sealed class CallerAddress : IStartupFilter
{
    public const string Header = "X-Test-Caller";

    public static void AddTo(IServiceCollection services) => services.AddTransient<IStartupFilter, CallerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, after) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var ip)) http.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
            return after(http);
        });
        next(app);
    };

    /// <summary>A client whose requests come from <paramref name="ip"/>, keeping its cookies.</summary>
    public static HttpClient From(TandemFactory factory, string ip)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(Header, ip);
        return client;
    }
}
