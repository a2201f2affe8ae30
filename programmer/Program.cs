return OpenIdds.Programmer.Cli.IddsCtl.Run(args, Console.Out, Console.In);
