using Tandem.Benchmarks;

return args.FirstOrDefault() switch
{
    "cohort" => CohortBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Tandem.Benchmarks -- cohort");
    return 2;
}
