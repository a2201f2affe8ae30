using System.Text.Json;
using System.Threading;
using OpenIdds.Simulator.Device;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;
using Spectre.Console;

namespace OpenIdds.Simulator.Cli;

/// <summary>
/// `simulator serve`: the virtual device. It prints where to connect (a pseudo-terminal device node
/// or a TCP port) and the device id, then runs until Ctrl-C. Lines typed on standard input are
/// injected as actions: a name (`occlusion`, `motor-stall`, `bolus-press`) or a JSON action object.
/// </summary>
public static class ServeCommand
{
    public static int Execute(string scenarioName, int? tcpPort, double speed)
    {
        Scenario scenario;
        try { scenario = Scenario.Load(ScenarioLibrary.Resolve(scenarioName)); }
        catch (InputException e) { AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}"); return 2; }

        using var port = tcpPort is int p ? VirtualLinkPort.Tcp(p) : VirtualLinkPort.PseudoTerminal();
        VirtualDevice device;
        try { device = new VirtualDevice(scenario, port, speed); }
        catch (InputException e) { AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}"); return 2; }
        static void Print(SimulationEvent e)
        {
            if (e.Kind == "hourly") return;
            AnsiConsole.MarkupLine($"[grey]{e.Time / 1000.0,12:0.0} s[/] {Markup.Escape(e.Source)}/{Markup.Escape(e.Kind)} {Markup.Escape(e.Detail)}");
        }

        AnsiConsole.MarkupLine($"[bold]virtual device {Markup.Escape(device.DeviceId)}[/] ({Markup.Escape(scenario.Name)}, {speed:0.###}x real time)");
        AnsiConsole.MarkupLine($"connect: [green]iddsctl --port {Markup.Escape(port.Address)} status[/]");
        AnsiConsole.MarkupLine($"keys:    [green]iddsctl keys dev --device {Markup.Escape(device.DeviceId)}[/]  (development keys: never for a real patient)");
        var label = new byte[OpenIdds.Firmware.Protocol.X25519.Bytes];
        OpenIdds.Firmware.Protocol.X25519.PublicKey(device.Session.Pump.Setup.AgreementSecret!, label);
        AnsiConsole.MarkupLine($"label:   {Convert.ToHexString(label).ToLowerInvariant()}  (its X25519 key: iddsctl keys provision --for ROLE --label-key ...)");
        AnsiConsole.MarkupLine("inject a fault by typing its action (occlusion, occlusion-clear, motor-stall, motor-stall-clear, bolus-press, power-loss ...) or a JSON action; Ctrl-C stops");
        foreach (var e in device.Session.Events) Print(e);
        device.Session.OnEvent = Print;

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var input = new Thread(() => ReadActions(device, stop.Token)) { IsBackground = true };
        input.Start();
        device.Run(stop.Token);
        return 0;
    }

    private static void ReadActions(VirtualDevice device, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            string? line = Console.In.ReadLine();
            if (line == null) return;
            line = line.Trim();
            if (line.Length == 0) continue;
            try
            {
                var action = line.StartsWith('{')
                    ? JsonSerializer.Deserialize<ScenarioAction>(line, Scenario.Json) ?? throw new JsonException("empty")
                    : new ScenarioAction { Do = line };
                device.Inject(action);
            }
            catch (JsonException e)
            {
                AnsiConsole.MarkupLine($"[red]not an action:[/] {Markup.Escape(e.Message)}");
            }
        }
    }
}
