using OpenIdds.Hal;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// A link with the pump on one end and the programmer on the other, in one thread: while the
/// programmer waits for an answer, the pump is ticked (as a board's UART interrupt would wake it).
/// Deterministic, so protocol tests need no timing.
/// </summary>
public sealed class InMemoryLink : ISerialLink, ILinkTransport
{
    private readonly Queue<byte> _toDevice = new();
    private readonly Queue<byte> _toProgrammer = new();

    /// <summary>An impostor on the line: changes each frame the device sends before the programmer reads it (null: none).</summary>
    public Func<byte[], byte[]>? Tamper { get; set; }

    /// <summary>An impostor on the line: changes each write the programmer makes before the device reads it (null: none).</summary>
    public Func<byte[], byte[]>? TamperToDevice { get; set; }

    /// <summary>Called while the programmer waits: tick the pump here.</summary>
    public Action? DeviceWakes { get; set; }

    public string Name => "in-memory link";

    /// <summary>Frames the device sent, counted by their 0x00 delimiters.</summary>
    public int FramesFromDevice { get; private set; }

    // The device's side (ISerialLink)
    int ISerialLink.Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _toDevice.Count > 0) buffer[offset + n++] = _toDevice.Dequeue();
        return n;
    }

    void ISerialLink.Write(byte[] buffer, int offset, int count)
    {
        byte[] bytes = buffer[offset..(offset + count)];
        if (Tamper != null) bytes = Tamper(bytes);
        foreach (byte b in bytes)
        {
            _toProgrammer.Enqueue(b);
            if (b == 0) FramesFromDevice++;
        }
    }

    // The programmer's side (ILinkTransport)
    public void Write(byte[] data, int offset, int count)
    {
        byte[] bytes = data[offset..(offset + count)];
        if (TamperToDevice != null) bytes = TamperToDevice(bytes);
        foreach (byte b in bytes) _toDevice.Enqueue(b);
    }

    public int Read(byte[] buffer, int offset, int count, TimeSpan timeout)
    {
        if (_toProgrammer.Count == 0) DeviceWakes?.Invoke();
        int n = 0;
        while (n < count && _toProgrammer.Count > 0) buffer[offset + n++] = _toProgrammer.Dequeue();
        return n;
    }

    /// <summary>Drops whatever the device sent and the programmer has not read.</summary>
    public void DrainFromDevice() => _toProgrammer.Clear();

    public int PendingFromDevice => _toProgrammer.Count;

    public void Dispose() { }
}
