using OpenIdds.Firmware.Device;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// The pumps a patient has over a scenario: the external trial pump, then the implanted one. Only one
/// runs at a time; totals (prescribed, delivered, steps) add up across all of them, and every device's
/// clock starts at zero when it is installed (its own reset).
/// </summary>
public sealed class DeviceChain
{
    private readonly List<VirtualPump> _devices = new();

    public VirtualPump Current => _devices[^1];

    /// <summary>The clinician's programmer (and the attacker beside it) on the current pump's UART.</summary>
    public ScenarioProgrammer Programmer { get; } = new();

    /// <summary>Every device installed, in order (the trial pump first).</summary>
    public IReadOnlyList<VirtualPump> All => _devices;

    /// <summary>True time on the scenario's clock (each device's world runs on it; each board's own clock starts at its reset).</summary>
    public long Now => _devices.Count == 0 ? 0 : Current.World.Now;

    /// <summary>Installs a device; the previous one is stopped (the trial pump comes off when the implant goes in).</summary>
    public VirtualPump Install(PumpWorld world, PumpSetup setup, long clockDriftPpm, Action<string, string, string> log)
    {
        if (_devices.Count > 0) Current.Program(OpenIdds.Firmware.Therapy.Prescription.Stopped(Current.Pump.Therapy.Prescription.Drug), "stopped: the device is removed");
        var pump = new VirtualPump(world, setup, clockDriftPpm, log);
        _devices.Add(pump);
        return pump;
    }

    public double PumpedNanoliters => _devices.Sum(d => d.World.PumpedNanoliters);
    public double ToCsfNanoliters => _devices.Sum(d => d.World.Line.DeliveredToCsfNanoliters);
    public double ToCsfMicrograms => _devices.Sum(d => d.World.Line.DeliveredToCsfMicrograms);
    public double LeakedNanoliters => _devices.Sum(d => d.World.Line.LeakedNanoliters);
    public double ComputedDeliveredNanoliters => _devices.Sum(d => (double)d.DeliveredNanoliters);
    public double PrescribedNanoliters => _devices.Sum(d => (double)d.PrescribedNanoliters);
    public long StepsTaken => _devices.Sum(d => d.StepsTaken);

    /// <summary>Net strokes counted at the STEP pins, as a scope would (forward minus reverse): the truth the firmware's count is checked against.</summary>
    public long StepPulses => _devices.Sum(d => d.World.Board.Mechanism.Strokes);
    public long StepsMissed => _devices.Sum(d => d.StepsMissed);
    public int Devices => _devices.Count;
}
