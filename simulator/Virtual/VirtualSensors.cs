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

/// <summary>A serial link with nobody on the other end (the virtual device mode replaces it).</summary>
public sealed class NullLink : ISerialLink
{
    public int Read(byte[] buffer, int offset, int count) => 0;
    public void Write(byte[] buffer, int offset, int count) { }
}

/// <summary>RAM flash with erase-before-write pages: 64 pages of 4 KiB, 10,000 cycles as ESP32/STM32F7 flash.</summary>
public sealed class RamFlash : INonVolatileStore
{
    private readonly byte[] _bytes;
    public RamFlash() { _bytes = new byte[PageSize * PageCount]; System.Array.Fill(_bytes, (byte)0xFF); }
    public int PageSize => 4096;
    public int PageCount => 64;
    public int RatedEraseCycles => 10000;
    public void Read(int page, int offset, byte[] buffer, int index, int count) => System.Array.Copy(_bytes, page * PageSize + offset, buffer, index, count);
    public void Erase(int page) => System.Array.Fill(_bytes, (byte)0xFF, page * PageSize, PageSize);
    public void Write(int page, int offset, byte[] data, int index, int count)
    {
        for (int i = 0; i < count; i++) _bytes[page * PageSize + offset + i] &= data[index + i];
    }
}
