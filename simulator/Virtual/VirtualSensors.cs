using OpenIdds.Hal;

namespace OpenIdds.Simulator.Virtual;

/// <summary>Downstream pressure from the simulated line; set by the physics each step.</summary>
public sealed class VirtualPressureSensor : IPressureSensor
{
    /// <summary>Intrathecal CSF pressure lying down is about 5-15 mmHg; 10 mmHg = 1,333 Pa.</summary>
    public int Pascals { get; set; } = 1333;
    public SensorStatus Status { get; set; } = SensorStatus.Ok;
    public SensorStatus Read(out int pascals) { pascals = Pascals; return Status; }
}

/// <summary>A battery that holds its voltage (drain is modelled by the full simulator).</summary>
public sealed class VirtualBattery : IBatteryMonitor
{
    public int Millivolts { get; set; } = 3600;
    public long ConsumedMicroampereHours { get; set; }
    public SensorStatus Read(out int millivolts) { millivolts = Millivolts; return SensorStatus.Ok; }
}

/// <summary>The patient's button, pressed by the scenario.</summary>
public sealed class VirtualButton : IPatientButton
{
    public int Pending { get; set; }
    public int TakePresses() { int n = Pending; Pending = 0; return n; }
}

/// <summary>A watchdog that records kicks; the full simulator can bite.</summary>
public sealed class VirtualWatchdog : IWatchdog
{
    public long Kicks { get; private set; }
    public int TimeoutMilliseconds { get; private set; }
    public void Arm(int timeoutMilliseconds) { TimeoutMilliseconds = timeoutMilliseconds; }
    public void Kick() { Kicks++; }
}

/// <summary>
/// The board's UART: nobody on the other end in a scenario run; in virtual device mode a
/// pseudo-terminal or a TCP connection is plugged in, and the firmware reads and answers it.
/// </summary>
public sealed class VirtualLink : ISerialLink
{
    public ISerialLink? Plugged { get; set; }

    public int Read(byte[] buffer, int offset, int count) => Plugged?.Read(buffer, offset, count) ?? 0;

    public void Write(byte[] buffer, int offset, int count) => Plugged?.Write(buffer, offset, count);
}
