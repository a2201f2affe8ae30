using OpenIdds.Firmware.Dosing;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// The pumps a patient has over a scenario: the external trial pump, then the implanted one. Only one
/// runs at a time; totals (prescribed, delivered, steps) add up across all of them, and every device's
/// clock starts at zero when it is installed (its own reset).
/// </summary>
public sealed class DeviceChain
{
    private readonly List<(VirtualPump Pump, long Start)> _devices = new();

    public VirtualPump Current => _devices[^1].Pump;

    /// <summary>True time on the scenario's clock (each device's world runs on it; each board's own clock starts at its reset).</summary>
    public long Now => _devices.Count == 0 ? 0 : Current.World.Now;

    /// <summary>Installs a device whose world was created at <paramref name="startTime"/>; the previous one is stopped.</summary>
    public void Install(PumpWorld world, Calibration calibration, long clockDriftPpm, bool implanted, Action<string, string, string> log, long startTime)
    {
        if (_devices.Count > 0) Current.Supervisor.Stop();
        _devices.Add((new VirtualPump(world, calibration, clockDriftPpm, implanted, log), startTime));
    }

    public double PumpedNanoliters => _devices.Sum(d => d.Pump.World.PumpedNanoliters);
    public double ToCsfNanoliters => _devices.Sum(d => d.Pump.World.Line.DeliveredToCsfNanoliters);
    public double LeakedNanoliters => _devices.Sum(d => d.Pump.World.Line.LeakedNanoliters);
    public double ComputedDeliveredNanoliters => _devices.Sum(d => (double)d.Pump.DeliveredNanoliters);
    public long StepsTaken => _devices.Sum(d => d.Pump.StepsTaken);
    public long StepsMissed => _devices.Sum(d => d.Pump.StepsMissed);

    public double PrescribedNanoliters(long until) =>
        _devices.Select((d, i) => d.Pump.PrescribedNanoliters(Math.Min(until, i + 1 < _devices.Count ? _devices[i + 1].Start : until))).Sum();
}
