using Tandem.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.AddTandem();

var app = builder.Build();

app.UseTandem();
app.MapTandem();
await app.PrepareDatabaseAsync();
app.Run();

public partial class Program;
