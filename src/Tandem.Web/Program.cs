using Tandem.Web.Data;
using Tandem.Web.Shared;

if (Backup.IsCommand(args)) return await Backup.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddTandem();

var app = builder.Build();
if (args is ["seed", .. var seedArgs]) return await LargeProgram.RunCommandAsync(app.Services, seedArgs);

app.UseTandem();
app.MapTandem();
await app.PrepareDatabaseAsync();
app.Run();
return 0;

public partial class Program;
