// iddsctl [--port P] [--keys FILE] [--role R] <status|program|bolus|refill|alarms|log export|trial report|clock sync|keys|calibrate|diary>
return OpenIdds.Programmer.Cli.IddsCtl.Run(args, Console.Out, Console.In, color: !Console.IsOutputRedirected);
