using OpenIdds.Hal;

namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// The motor supply (VMOT) as the boards wire it: the bench supply, then the independent motor cut
/// (the BOM's supply switch, or the external watchdog holding the driver asleep), then the driver and
/// the sense divider the firmware reads (MOTOR-SUPPLY-WATCHED). The scenario connects and drops the
/// supply and trips the cut; the firmware only reads <see cref="Present"/>. MOTOR-CUT-INDEPENDENT: the
/// cut has no pin on the virtual GPIO, so nothing the firmware writes can close it again, as on the
/// board, where it stops a motor the MCU's own ENABLE no longer can (a hung or broken MCU).
/// </summary>
public sealed class VirtualMotorSupply : IMotorSupplyMonitor
{
    /// <summary>The bench supply is connected and on.</summary>
    public bool Connected { get; set; } = true;

    /// <summary>The independent cut has opened; only a power cycle of the rig closes it (not modelled: it stays open).</summary>
    public bool CutOpen { get; private set; }

    /// <summary>Trips the independent cut, as its watchdog does when its trigger stops.</summary>
    public void OpenCut() => CutOpen = true;

    /// <summary>VMOT reaches the driver (and the sense divider, which reads it after the cut).</summary>
    public bool Present => Connected && !CutOpen;
}
