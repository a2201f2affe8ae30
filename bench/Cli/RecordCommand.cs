using System.CommandLine;
using System.IO.Ports;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// `bench record --port <device>`: reads a balance at a fixed interval into a CSV. It refuses to
/// overwrite an earlier run's CSV unless told (--force): appending would put a second time zero in the
/// middle of the file. A balance that is not there at the start is waited for (--connect-timeout); if
/// it never comes, or an option is wrong, it exits 2 with a sentence saying what to fix.
/// </summary>
public static class RecordCommand
{
    // Below this the balance's own update rate (about 10-20 readings a second) and the 9600-baud reply
    // take most of the interval.
    private const long MinimumIntervalMilliseconds = 100;

    public static Command Build(IBenchClock clock)
    {
        var port = new Option<string>("--port") { Description = "serial device of the balance, e.g. /dev/ttyUSB0, /dev/serial/by-id/... or COM3", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "mt-sics (Mettler Toledo) or sbi (Sartorius)", DefaultValueFactory = _ => "mt-sics" };
        var baud = new Option<int>("--baud") { Description = "baud rate, as set on the balance", DefaultValueFactory = _ => 9600 };
        var parity = new Option<string>("--parity") { Description = "none, odd, even, mark or space", DefaultValueFactory = _ => "none" };
        var dataBits = new Option<int>("--data-bits") { Description = "7 or 8 (5 to 8)", DefaultValueFactory = _ => 8 };
        var stopBits = new Option<string>("--stop-bits") { Description = "1, 1.5 or 2", DefaultValueFactory = _ => "1" };
        var handshake = new Option<string>("--handshake") { Description = "none, rts-cts (hardware) or xon-xoff (software)", DefaultValueFactory = _ => "none" };
        var interval = new Option<string>("--interval") { Description = "sample interval: 30s for the standard, 15min for the low-rate profile", DefaultValueFactory = _ => "30s" };
        var duration = new Option<string>("--duration") { Description = "run length: 2h for the standard, 48h for the low-rate profile", DefaultValueFactory = _ => "2h" };
        var replyTimeout = new Option<string>("--reply-timeout") { Description = "how long a request waits for its reply (never past the next tick)", DefaultValueFactory = _ => "2s" };
        var connectTimeout = new Option<string>("--connect-timeout") { Description = "how long to wait for the balance at the start", DefaultValueFactory = _ => "30s" };
        var output = new Option<string>("--csv") { Description = "where the readings go, line by line", DefaultValueFactory = _ => "readings.csv" };
        var force = new Option<bool>("--force") { Description = "overwrite the CSV if it exists" };
        var rate = new Option<double?>("--rate") { Description = "the pump's set rate, uL/h: the live display compares the recent flow with it" };
        var command = new Command("record", "read a balance at a fixed interval into a CSV") { port, protocol, baud, parity, dataBits, stopBits, handshake, interval, duration, replyTimeout, connectTimeout, output, force, rate };
        command.SetAction(parse =>
        {
            var say = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            SerialSettings serial;
            BalanceProtocol kind;
            long intervalMs, durationMs, connectMs, replyMs;
            string csvPath = parse.GetValue(output)!;
            try
            {
                kind = parse.GetValue(protocol) switch
                {
                    "mt-sics" => BalanceProtocol.MtSics,
                    "sbi" => BalanceProtocol.Sbi,
                    var other => throw new ArgumentException($"--protocol '{other}' is not mt-sics or sbi"),
                };
                serial = new SerialSettings(parse.GetValue(port)!, Baud(parse.GetValue(baud)), Parity(parse.GetValue(parity)!), DataBits(parse.GetValue(dataBits)), StopBits(parse.GetValue(stopBits)!), Handshake(parse.GetValue(handshake)!));
                intervalMs = DurationText.ParseMilliseconds(parse.GetValue(interval)!, "--interval", MinimumIntervalMilliseconds);
                durationMs = DurationText.ParseMilliseconds(parse.GetValue(duration)!, "--duration", intervalMs);
                connectMs = DurationText.ParseMilliseconds(parse.GetValue(connectTimeout)!, "--connect-timeout", 0);
                replyMs = DurationText.ParseMilliseconds(parse.GetValue(replyTimeout)!, "--reply-timeout", MinimumIntervalMilliseconds / 2);
                if (parse.GetValue(rate) is double r && !(r > 0)) throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--rate {r} uL/h must be above 0 uL/h"));
                if (File.Exists(csvPath) && !parse.GetValue(force))
                    throw new ArgumentException($"{csvPath} already exists (an earlier run?): give another --csv, or add --force to overwrite it");
                string? folder = Path.GetDirectoryName(Path.GetFullPath(csvPath));
                if (folder != null && !Directory.Exists(folder)) throw new ArgumentException($"--csv {csvPath}: the folder {folder} does not exist");
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 2;
            }

            using var transport = new SerialBalanceTransport(serial);
            var display = new RecordingDisplay(say, RecordingDisplay.IsTerminal(say));
            var recorder = new Recorder(new BalanceDevice(transport, kind), transport, clock, display)
            {
                ReplyTimeoutMilliseconds = replyMs,
                SetRateMicrolitersPerHour = parse.GetValue(rate),
                Progress = display.Show,
            };
            try
            {
                say.WriteLine($"balance: {serial}, {parse.GetValue(protocol)}");
                recorder.Connect(connectMs);
            }
            catch (BalanceNotConnectedException e)
            {
                error.WriteLine($"error: no balance on {serial.Port}: {e.Message}.");
                error.WriteLine($"Check that the balance is switched on and its cable plugged in, and that --port names it ({PortsHere()}).");
                if (e.Message.Contains("ermission", StringComparison.Ordinal)) error.WriteLine("On Linux, add your user to the dialout group (sudo usermod -aG dialout $USER) and log in again.");
                return 2;
            }

            try
            {
                using var csvFile = new StreamWriter(new FileStream(csvPath, parse.GetValue(force) ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read));
                say.WriteLine($"recording every {intervalMs} ms for {durationMs} ms into {csvPath}");
                display.Run(() => recorder.Record(csvFile, intervalMs, durationMs, DateTimeOffset.Now));
                display.Finish();
            }
            catch (BalanceGivesNoWeightException e)
            {
                display.Finish();
                error.WriteLine($"error: the balance on {serial.Port} gave no weight in the first {e.Ticks} readings ({Recorder.FailFastTicks} ticks, rule FAIL-FAST); recording stopped.");
                error.WriteLine(e.Received.Count == 0 ? "received: nothing" : $"received: {string.Join(", ", e.Received.Take(6).Select(ReceivedText.Quote))}");
                error.WriteLine($"likely cause: {e.Suggestion}.");
                error.WriteLine($"The gap rows are in {csvPath}.");
                return 2;
            }
            catch (IOException e)
            {
                error.WriteLine($"error: cannot write {csvPath}: {e.Message}");
                return 2;
            }
            say.WriteLine($"{recorder.Readings} readings ({recorder.Unstable} unstable), {recorder.Gaps} gaps, {recorder.Reconnects} reconnects -> {csvPath}");
            if (recorder.Readings == 0)
            {
                error.WriteLine($"error: the balance gave no weight at all: check --protocol ({parse.GetValue(protocol)}) and that its interface settings match --baud, --parity, --data-bits and --stop-bits");
                return 2;
            }
            return 0;
        });
        return command;
    }

    private static int Baud(int baud) =>
        baud is >= 300 and <= 921_600 ? baud : throw new ArgumentException($"--baud {baud} is outside 300..921600 (balances use 1200 to 19200; 9600 is the usual)");

    private static int DataBits(int bits) =>
        bits is >= 5 and <= 8 ? bits : throw new ArgumentException($"--data-bits {bits} must be 5 to 8 (balances use 7 or 8)");

    private static Parity Parity(string text) => text switch
    {
        "none" => System.IO.Ports.Parity.None,
        "odd" => System.IO.Ports.Parity.Odd,
        "even" => System.IO.Ports.Parity.Even,
        "mark" => System.IO.Ports.Parity.Mark,
        "space" => System.IO.Ports.Parity.Space,
        _ => throw new ArgumentException($"--parity '{text}' is not none, odd, even, mark or space"),
    };

    private static StopBits StopBits(string text) => text switch
    {
        "1" => System.IO.Ports.StopBits.One,
        "1.5" => System.IO.Ports.StopBits.OnePointFive,
        "2" => System.IO.Ports.StopBits.Two,
        _ => throw new ArgumentException($"--stop-bits '{text}' is not 1, 1.5 or 2"),
    };

    private static Handshake Handshake(string text) => text switch
    {
        "none" => System.IO.Ports.Handshake.None,
        "rts-cts" => System.IO.Ports.Handshake.RequestToSend,
        "xon-xoff" => System.IO.Ports.Handshake.XOnXOff,
        _ => throw new ArgumentException($"--handshake '{text}' is not none, rts-cts or xon-xoff"),
    };

    private static string PortsHere()
    {
        string[] ports;
        try { ports = SerialPort.GetPortNames(); }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException) { ports = Array.Empty<string>(); }
        return ports.Length == 0 ? "no serial port is listed on this machine" : "serial ports here: " + string.Join(", ", ports.Order(StringComparer.Ordinal));
    }
}
