using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Tandem.Web.Tests.Infrastructure;

namespace Tandem.Web.Tests.Data;

public sealed class DataProtectionCertificateTests
{
    [Fact]
    public async Task WithACertificateTheKeysAreStoredEncryptedAndStillShared()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"tandem-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Tandem data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pfx-secret"));
        }
        try
        {
            var withCertificate = new Dictionary<string, string?> { ["DataProtection:Certificate"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-secret" };
            using var first = new TandemFactory(extra: withCertificate);
            await first.CreateUserAsync("sealed@example.com");
            var cookie = await DataProtectionTests.SignInCookieAsync(first, "sealed@example.com");

            var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml.Contains("<EncryptedData", StringComparison.Ordinal) && !xml.Contains("<value>", StringComparison.Ordinal),
                "with a certificate, no key's secret is stored in the clear");

            using var second = new TandemFactory(extra: new(withCertificate) { ["ConnectionStrings:Tandem"] = first.ConnectionString });
            (await DataProtectionTests.WhoAmIAsync(second, cookie)).ShouldBe("sealed@example.com");
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
