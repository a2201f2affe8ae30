using OpenIdds.Measurements;

// dotnet run -c Release --project measurements -- [accuracy|footprint|flash [days]|eri|keys|fuzz [frames]|flood [hours]|sensor-noise [days]|assemblies|campaign [seeds]|catheter [patients] [roc.png]|catheter-intact [patients]|catheter-trace [png]|all]
string what = args.Length > 0 ? args[0] : "all";
if (what is "assemblies" or "all") AssemblySizeRun.Run(OpenIdds.Guard.DeviceCompiler.FindRepositoryRoot(AppContext.BaseDirectory));
if (what is "campaign" or "all") CampaignRun.Run(seeds: args.Length > 1 && what == "campaign" ? int.Parse(args[1]) : 20);
if (what is "accuracy" or "all") AccuracyRun.Run(seed: 2026, years: 10);
if (what is "footprint" or "all") FootprintRun.Run();
if (what is "flash" or "all") FlashBudgetRun.Run(days: args.Length > 1 && what == "flash" ? int.Parse(args[1]) : 60);
if (what is "fuzz" or "all") FuzzRun.Run(frames: args.Length > 1 && what == "fuzz" ? int.Parse(args[1]) : 1_000_000);
if (what is "eri" or "all") EriMarginRun.Run();
if (what is "catheter" or "all") CatheterRun.Run(patients: args.Length > 1 && what == "catheter" ? int.Parse(args[1]) : 200, rocPng: args.Length > 2 && what == "catheter" ? args[2] : null);
if (what is "catheter-intact") CatheterRun.IntactOnly(args.Length > 1 ? int.Parse(args[1]) : 200);
if (what is "catheter-trace") CatheterRun.Trace(args.Length > 1 ? args[1] : "docs/images/catheter-trace.png");
if (what is "sensor-noise" or "all") SensorNoiseRun.Run(days: args.Length > 1 && what == "sensor-noise" ? int.Parse(args[1]) : 10_000);
if (what is "keys" or "all") KeyAgreementRun.Run();
if (what is "flood" or "all") LineFloodRun.Run(hours: args.Length > 1 && what == "flood" ? int.Parse(args[1]) : 2);
