using System.CommandLine;

namespace Tandem.Cli;

/// <summary>Entry point, callable in-process (tests pass their own writers).</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Tandem mentorship matching")
        {
            MatchCommand.Create(output, error),
            ConvertCommand.Create(output, error),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
