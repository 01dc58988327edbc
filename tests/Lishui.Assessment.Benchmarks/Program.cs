using Lishui.Assessment.Benchmarks;

// Closing a year against a raw GROUP BY over the same ledger, on the same database, in the same run.
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

return await CloseYearBenchmark.RunAsync(options);
