return Tandem.Cli.CliApp.Run(args, Console.Out, Console.Error);
