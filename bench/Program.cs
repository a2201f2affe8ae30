return OpenIdds.Bench.Cli.BenchCommand.Run(args);
