using Tandem.Benchmarks;

// dotnet run -c Release --project bench/Tandem.Benchmarks -- solver [--large-all-pairs] [--doc docs/benchmarks.md]
if (args.Length > 0 && args[0] == "solver") return SolverBenchmark.Run(args[1..]);
Console.Error.WriteLine("usage: Tandem.Benchmarks solver [--large-all-pairs] [--doc path]");
return 2;
