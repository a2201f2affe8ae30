using System.CommandLine;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// iddsctl, the clinician/patient programmer (docs/protocol.md). It connects over a serial port or
/// TCP to a board or to the simulator's virtual device, and every command is an authenticated
/// request the pump checks itself. Exit codes: 0 done, 1 the pump refused or the user declined,
/// 2 a usage, link or key problem (the message names what to fix).
/// </summary>
public static class IddsCtl
{
    public static int Run(string[] args, TextWriter output, TextReader input, bool color = false)
    {
        var console = ProgrammerConsole.Over(output, input, color);

        var port = new Option<string>("--port", "-p") { Description = "the pump: a serial device (/dev/ttyUSB0, /dev/pts/4) or tcp://host:port; default $IDDSCTL_PORT or /dev/ttyUSB0", Recursive = true, DefaultValueFactory = _ => Environment.GetEnvironmentVariable("IDDSCTL_PORT") ?? "/dev/ttyUSB0" };
        var baud = new Option<int>("--baud") { Description = "serial speed", Recursive = true, DefaultValueFactory = _ => 115200 };
        var keys = new Option<string?>("--keys") { Description = "the key file (default $IDDSCTL_KEYS or ~/.openidds/keys.json)", Recursive = true };
        var role = new Option<string?>("--role") { Description = "patient, clinician or service (reads default to the most capable key held)", Recursive = true };
        var timeout = new Option<double>("--timeout") { Description = "seconds to wait for each answer", Recursive = true, DefaultValueFactory = _ => 3.0 };
        var yes = new Option<bool>("--yes", "-y") { Description = "commit without asking (soft limits still need --confirm-soft-limits)", Recursive = true };

        var root = new RootCommand("iddsctl: program and read an OpenIDDS pump (a board, or the simulator's virtual device)") { port, baud, keys, role, timeout, yes };

        GlobalOptions Globals(ParseResult p) => new(p.GetValue(port)!, p.GetValue(baud), p.GetValue(keys), ParseRole(p.GetValue(role)), TimeSpan.FromSeconds(p.GetValue(timeout)), p.GetValue(yes));

        int Connected(ParseResult p, Func<ProgrammerSession, int> action) => ConnectedAs(p, action, "", Array.Empty<int>());

        int ConnectedAs(ParseResult p, Func<ProgrammerSession, int> action, string what, params int[] commands)
        {
            if (RoleCheck.Refusal(Globals(p).Role, what, commands) is string refused)
            {
                console.Error(refused);
                return 2;
            }
            try
            {
                using var session = new ProgrammerSession(Globals(p), console);
                return action(session);
            }
            catch (Exception e) when (e is LinkException or InputException)
            {
                console.Error(e.Message);
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or TimeoutException)
            {
                // The port went away mid-session (cable pulled, adapter unplugged, pump reset).
                console.Error($"the link failed during the command: {e.Message}. Check the cable and the port, then read the status to see what the pump did.");
                return 2;
            }
        }

        var status = new Command("status", "therapy, reservoir (computed and measured), alarms, battery, next refill");
        status.SetAction(p => Connected(p, s => { StatusView.Show(console, s.Commands.Status(s.ReadRole()), DateTimeOffset.Now); return 0; }));

        var file = new Argument<string>("file") { Description = "a prescription file (JSON; docs/protocol.md has the schema)" };
        var confirmSoft = new Option<bool>("--confirm-soft-limits") { Description = "confirm every soft limit and large change the review shows, as the prescribing clinician" };
        var program = new Command("program", "review a prescription against the running therapy, confirm, commit") { file, confirmSoft };
        program.SetAction(p => ConnectedAs(p, s => ProgramCommand.Execute(s, p.GetValue(file)!, p.GetValue(confirmSoft)), "program", CommandTable.Program));

        var dose = new Option<long?>("--dose") { Description = "a clinician bolus of this many ug (clinician key); without it, the patient's prescribed bolus" };
        var duration = new Option<string>("--duration") { Description = "the clinician bolus's duration (e.g. 30m)", DefaultValueFactory = _ => "30m" };
        var bolus = new Command("bolus", "request the prescribed patient bolus, or give a clinician bolus") { dose, duration, confirmSoft };
        bolus.SetAction(p => ConnectedAs(p, s => p.GetValue(dose) is long ug ? BolusCommand.Clinician(s, ug, p.GetValue(duration)!, p.GetValue(confirmSoft)) : BolusCommand.Patient(s), "bolus", p.GetValue(dose) is long ? CommandTable.ClinicianBolus : CommandTable.RequestBolus));

        var withdrawn = new Option<string?>("--withdrawn") { Description = "residual withdrawn, mL" };
        var added = new Option<string?>("--added") { Description = "volume added, mL" };
        var drug = new Option<string?>("--drug") { Description = "drug name (from the library)" };
        var concentration = new Option<string?>("--concentration") { Description = "ug/mL" };
        var low = new Option<string?>("--low") { Description = "low-reservoir alarm threshold, mL" };
        var refill = new Command("refill", "the refill workflow: expected residual, discrepancy check, fill, next refill date") { withdrawn, added, drug, concentration, low, confirmSoft };
        refill.SetAction(p => ConnectedAs(p, s => RefillCommand.Execute(s, new RefillCommand.Answers(p.GetValue(withdrawn), p.GetValue(added), p.GetValue(drug), p.GetValue(concentration), p.GetValue(low)), p.GetValue(confirmSoft)), "refill", CommandTable.RefillBegin, CommandTable.RefillComplete));

        var alarms = new Command("alarms", "alarms shown and their recent history");
        alarms.SetAction(p => Connected(p, AlarmsCommand.Show));
        var alarmReset = new Command("reset", "clinician reset: acknowledge every alarm and reset latches (the pump then waits stopped)");
        alarmReset.SetAction(p => ConnectedAs(p, AlarmsCommand.Reset, "alarms reset", CommandTable.AlarmReset));
        var alarmSilence = new Command("silence", "pause the audio (lights stay)");
        alarmSilence.SetAction(p => ConnectedAs(p, AlarmsCommand.Silence, "alarms silence", CommandTable.SilenceAlarms));
        alarms.Subcommands.Add(alarmReset);
        var catheter = new Command("catheter", "the catheter integrity check (its last result is in iddsctl status)");
        var catheterRevised = new Command("revised", "the catheter was revised (replaced, re-sited, reconnected): the pump discards the check's baseline and learns the patient's again");
        catheterRevised.SetAction(p => ConnectedAs(p, CatheterCommand.Revised, "catheter revised", CommandTable.CatheterRevised));
        catheter.Subcommands.Add(catheterRevised);
        alarms.Subcommands.Add(alarmSilence);

        var format = new Option<string>("--format") { Description = "csv, json (with the status, for `report --from`) or fhir (an HL7 FHIR R4 Bundle, docs/records.md)", DefaultValueFactory = _ => "csv" };
        var outFile = new Option<string?>("--out", "-o") { Description = "write to this file (default: the terminal)" };
        var patientId = new Option<string?>("--patient-id") { Description = "fhir only: the patient's identifier in the health record (without it the bundle identifies no patient)" };
        var export = new Command("export", "the whole event log, oldest first") { format, outFile, patientId };
        export.SetAction(p => Connected(p, s => LogCommand.Export(s, p.GetValue(format)!, p.GetValue(outFile), p.GetValue(patientId))));
        var log = new Command("log", "the pump's event log") { export };

        var reportFrom = new Option<string?>("--from") { Description = "a saved `log export` (json keeps the status; csv holds the event log only) instead of the pump" };
        var reportOut = new Option<string>("--out", "-o") { Description = "the HTML file to write", DefaultValueFactory = _ => "report.html" };
        var report = new Command("report", "the printable interrogation report (HTML, A4 or Letter), from the pump or a saved export") { reportFrom, reportOut };
        report.SetAction(p => p.GetValue(reportFrom) is string from
            ? Guard(console, () => ReportCommand.Write(console, Records.SnapshotFile.Load(from), p.GetValue(reportOut)!))
            : Connected(p, s => ReportCommand.Write(console, Records.PumpReader.Read(s), p.GetValue(reportOut)!)));

        var threshold = new Option<int>("--threshold") { Description = "relief threshold, percent", DefaultValueFactory = _ => 50 };
        var trialReport = new Command("report", "baseline against trial pain, relief, dose per day, boluses") { threshold };
        trialReport.SetAction(p => ConnectedAs(p, s => TrialCommand.Report(s, p.GetValue(threshold)), "trial report", CommandTable.TrialReport));
        var trial = new Command("trial", "the trial stage") { trialReport };

        var time = new Option<string?>("--time") { Description = "HH:MM[:SS] (default: this computer's time of day)" };
        var sync = new Command("sync", "set the pump's time of day (flex steps follow it)") { time };
        sync.SetAction(p => ConnectedAs(p, s => ClockCommand.Sync(s, p.GetValue(time)), "clock sync", CommandTable.ClockSync));
        var clock = new Command("clock", "the pump's time of day") { sync };

        var device = new Option<string>("--device") { Description = "the device id (iddsctl status or the device label shows it)", Required = true };
        var keysRoles = new Option<string>("--roles") { Description = "comma-separated roles", DefaultValueFactory = _ => "patient,clinician,service" };
        var keysDev = new Command("dev", "store a device's development keys (bench and simulator only)") { device, keysRoles };
        keysDev.SetAction(p => Guard(console, () => KeysCommand.Development(console, p.GetValue(keys), p.GetValue(device)!, p.GetValue(keysRoles)!.Split(',').Select(r => ParseRole(r.Trim())!.Value))));
        var keysShow = new Command("show", "list the key file (fingerprints only)");
        keysShow.SetAction(p => Guard(console, () => KeysCommand.Show(console, p.GetValue(keys))));
        var provisionRole = new Option<string>("--for") { Description = "the role whose key is replaced", Required = true };
        var labelKey = new Option<string>("--label-key") { Description = "the device's X25519 public key printed on its label (64 hex digits)", Required = true };
        var keysProvision = new Command("provision", "agree a new key for a role with the device (service key; the key never crosses the line)") { provisionRole, labelKey };
        keysProvision.SetAction(p => Connected(p, s => KeysCommand.Provision(s, ParseRole(p.GetValue(provisionRole))!.Value, p.GetValue(labelKey)!)));
        var recoverRole = new Option<string>("--for") { Description = "the role whose provisioning lost its answer", Required = true };
        var keysRecover = new Command("recover", "after a provisioning whose answer was lost: keep the key the device accepts (pending, else old)") { recoverRole };
        keysRecover.SetAction(p => Connected(p, s => KeysCommand.Recover(s, ParseRole(p.GetValue(recoverRole))!.Value)));
        var keysCommand = new Command("keys", "the local key file") { keysDev, keysShow, keysProvision, keysRecover };

        var perStep = new Option<string>("--nl-per-step") { Description = "nanoliters per motor step, measured on the bench", Required = true };
        var calibrate = new Command("calibrate", "set the calibration (service key; pump stopped)") { perStep };
        calibrate.SetAction(p => ConnectedAs(p, s => ServiceCommand.Calibrate(s, p.GetValue(perStep)!), "calibrate", CommandTable.Calibrate));
        var pressureRaw = new Command("raw", "read the pressure sensor's raw reading now (service key)");
        pressureRaw.SetAction(p => ConnectedAs(p, s => PressureCommand.Raw(s), "pressure", CommandTable.PressureRaw));
        var zeroPpm = new Option<int>("--zero-ppm") { Description = "the raw reading vented to air", Required = true };
        var spanPpm = new Option<int>("--span-ppm") { Description = "the raw reading at the known pressure", Required = true };
        var spanPa = new Option<int>("--span-pa") { Description = "the known pressure, Pa (1 m of water: 9807)", Required = true };
        var pressureCalibrate = new Command("calibrate", "set the two-point pressure calibration (service key; therapy stopped)") { zeroPpm, spanPpm, spanPa };
        pressureCalibrate.SetAction(p => ConnectedAs(p, s => PressureCommand.Calibrate(s, p.GetValue(zeroPpm), p.GetValue(spanPpm), p.GetValue(spanPa)), "pressure", CommandTable.PressureCalibrate));
        var pressure = new Command("pressure", "the pressure sensor's two-point calibration") { pressureRaw, pressureCalibrate };

        var score = new Argument<int>("score") { Description = "0 (no pain) .. 10" };
        var diaryPain = new Command("pain", "a pain score") { score };
        diaryPain.SetAction(p => ConnectedAs(p, s => DiaryCommand.Pain(s, p.GetValue(score)), "diary", CommandTable.AddDiaryEntry));
        var activityKind = new Argument<string>("kind") { Description = "rest, walking, physical-therapy, daily-living, work, other" };
        var minutes = new Argument<int>("minutes");
        var diaryActivity = new Command("activity", "an activity entry") { activityKind, minutes };
        diaryActivity.SetAction(p => ConnectedAs(p, s => DiaryCommand.Activity(s, p.GetValue(activityKind)!, p.GetValue(minutes)), "diary", CommandTable.AddDiaryEntry));
        var effectKind = new Argument<string>("kind") { Description = "nausea-vomiting, pruritus, urinary-retention, sedation, respiratory-depression" };
        var severity = new Argument<string>("severity") { Description = "mild, moderate, severe" };
        var diarySideEffect = new Command("side-effect", "a side effect and its severity (respiratory depression or severe sedation stops the trial infusion)") { effectKind, severity };
        diarySideEffect.SetAction(p => ConnectedAs(p, s => DiaryCommand.SideEffect(s, p.GetValue(effectKind)!, p.GetValue(severity)!), "diary", CommandTable.AddDiaryEntry));
        var diary = new Command("diary", "the trial diary (patient key)") { diaryPain, diaryActivity, diarySideEffect };

        var imageFile = new Argument<string>("image") { Description = "the firmware image (the nanoFramework deployment .bin)" };
        var privateKey = new Option<string>("--private") { Description = "the release key (PEM, PKCS#8)", Required = true };
        var publicKey = new Option<string>("--public") { Description = "the published release public key (PEM)", Required = true };
        var imageKeyGen = new Command("keygen", "make a release key pair (ECDSA P-256)") { privateKey, publicKey };
        imageKeyGen.SetAction(p => Guard(console, () => ImageCommand.KeyGen(console, p.GetValue(privateKey)!, p.GetValue(publicKey)!)));
        var imageSign = new Command("sign", "sign a release image: writes IMAGE.sig") { imageFile, privateKey };
        imageSign.SetAction(p => Guard(console, () => ImageCommand.Sign(console, p.GetValue(imageFile)!, p.GetValue(privateKey)!)));
        var imageVerify = new Command("verify", "check IMAGE.sig against the release public key before flashing (exit 1: do not flash)") { imageFile, publicKey };
        imageVerify.SetAction(p => Guard(console, () => ImageCommand.Verify(console, p.GetValue(imageFile)!, p.GetValue(publicKey)!)));
        var image = new Command("image", "signed firmware images (SIGNED-IMAGES)") { imageKeyGen, imageSign, imageVerify };

        var factoryOut = new Option<string>("--out") { Description = "the new file (never overwritten)", Required = true };
        var factoryPort = new Option<string?>("--serialport") { Description = "the board's serial port, written into the nanoff file-deployment configuration" };
        var factorySecret = new Command("secret", "manufacture: a device's agreement secret and label key (FACTORY-SECRET-REQUIRED)") { factoryOut, factoryPort };
        factorySecret.SetAction(p => Guard(console, () => FactoryCommand.Secret(console, p.GetValue(factoryOut)!, p.GetValue(factoryPort))));
        var factory = new Command("factory", "manufacturing steps") { factorySecret };

        foreach (var c in new[] { status, program, bolus, refill, alarms, catheter, log, report, trial, clock, keysCommand, calibrate, pressure, diary, image, factory }) root.Subcommands.Add(c);
        var parsed = root.Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = output });
        }
        catch (Exception e) when (e is LinkException or InputException)
        {
            console.Error(e.Message);
            return 2;
        }
    }

    private static int Guard(ProgrammerConsole console, Func<int> action)
    {
        try { return action(); }
        catch (Exception e) when (e is LinkException or InputException) { console.Error(e.Message); return 2; }
    }

    private static Role? ParseRole(string? text) => text switch
    {
        null => null,
        "patient" => Role.Patient,
        "clinician" => Role.Clinician,
        "service" => Role.Service,
        _ => throw new LinkException($"--role '{text}' is not one of patient, clinician, service"),
    };
}
