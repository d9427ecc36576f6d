using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Tandem.Web.Data;

/// <summary>
/// The keys that protect sign-in cookies, bearer tokens and antiforgery tokens live in the database
/// (table DataProtectionKeys), so every instance on one database accepts the others' sign-ins.
/// </summary>
public static class DataProtectionSetup
{
    public static void AddTandemDataProtection(this WebApplicationBuilder builder)
    {
        var keys = builder.Services.AddDataProtection()
            .SetApplicationName("Tandem")
            .PersistKeysToDbContext<TandemDb>();

        // Without a certificate the keys are stored as plain XML: whoever reads the database (or a
        // backup) could forge sign-ins. docs/operations.md says when to set one.
        var certificate = builder.Configuration["DataProtection:Certificate"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            var path = Path.GetFullPath(certificate, builder.Environment.ContentRootPath);
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["DataProtection:CertificatePassword"]));
        }
        else if (builder.Environment.IsDevelopment())
        {
            // A developer's demo keys sit next to the demo data they protect and have nothing to be
            // encrypted with off Windows, so "No XML encryptor configured" would only be noise.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }
    }
}
