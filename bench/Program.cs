return OpenIdds.Bench.Cli.BenchCommand.Build().Parse(args).Invoke();
