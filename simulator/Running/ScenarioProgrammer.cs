using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Hal;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// The programmers and the attacker of a scenario, on the pump's real protocol endpoint: iddsctl's own
/// protocol client (programmer/Link) plugged into the virtual board's UART with the device's development
/// keys, so a scenario's review, commit, replay, wrong-role command and forged MAC go through the framing,
/// role, MAC and counter checks a board runs. The firmware answers when it next runs (at once, as a UART
/// interrupt wakes it); a pump without power or inside its self-test does not answer, and the command is
/// lost, as on the line.
/// </summary>
public sealed class ScenarioProgrammer : ISerialLink, ILinkTransport
{
    private readonly Queue<byte> _toDevice = new();
    private readonly Queue<byte> _fromDevice = new();
    private readonly List<byte> _sent = new();
    private VirtualPump _pump = null!;
    private ProtocolClient? _client;
    private string _clientDevice = "";
    private bool _unanswered;

    /// <summary>The prescription the clinician last reviewed on this programmer (null before any review).</summary>
    public Prescription? Reviewed { get; private set; }

    /// <summary>The bytes of the last frame this programmer sent, as a recorder on the line kept them.</summary>
    public byte[]? LastFrame { get; private set; }

    public string Name => "the virtual board's UART";

    // The board's side of the UART (ISerialLink): what the programmer sent, and the firmware's answers.
    int ISerialLink.Read(byte[] buffer, int offset, int count)
    {
        int n = 0;
        while (n < count && _toDevice.Count > 0) buffer[offset + n++] = _toDevice.Dequeue();
        return n;
    }

    void ISerialLink.Write(byte[] buffer, int offset, int count) { for (int i = 0; i < count; i++) _fromDevice.Enqueue(buffer[offset + i]); }

    // The programmer's side (ILinkTransport).
    void ILinkTransport.Write(byte[] data, int offset, int count)
    {
        // iddsctl starts every frame with a lone delimiter (LEADING-DELIMITER): the recorder keeps the last frame only.
        if (count == 1 && data[offset] == 0) _sent.Clear();
        _unanswered = true;
        for (int i = 0; i < count; i++)
        {
            _toDevice.Enqueue(data[offset + i]);
            _sent.Add(data[offset + i]);
        }
    }

    int ILinkTransport.Read(byte[] buffer, int offset, int count, TimeSpan timeout)
    {
        // The firmware runs once per frame sent: a pump that does not answer then (off, in its self-test) never does.
        if (_fromDevice.Count == 0 && _unanswered)
        {
            _unanswered = false;
            Wake();
        }
        // Virtual time does not move while the programmer waits: no answer now is no answer at all (and
        // never a wait on the wall clock, which would make a run depend on the machine).
        if (_fromDevice.Count == 0) throw new LinkException("no answer: the pump did not run to read the frame (no power, or inside its power-on self-test)", LinkFailure.AnswerLost);
        int n = 0;
        while (n < count && _fromDevice.Count > 0) buffer[offset + n++] = _fromDevice.Dequeue();
        return n;
    }

    public void Dispose() { }

    /// <summary>The bytes are on the line: the firmware runs now (virtual time does not move) and answers.</summary>
    private void Wake()
    {
        var link = _pump.World.Board.Link;
        var before = link.Plugged;
        link.Plugged = this;
        try { _pump.RunTo(_pump.World.Now); }
        finally { link.Plugged = before; }
    }

    private ProtocolClient Client(VirtualPump pump)
    {
        _pump = pump;
        string id = pump.Setup.DeviceId;
        if (_client == null || _clientDevice != id)
        {
            _client = new ProtocolClient(this, (device, role) => DevelopmentKey(device, role)) { Timeout = TimeSpan.FromMinutes(1) };
            _clientDevice = id;
        }
        return _client;
    }

    private static byte[] DevelopmentKey(string device, Role role)
    {
        var key = new byte[KeyRing.KeyBytes];
        KeyRing.DevelopmentKey(device, role, key, 0);
        return key;
    }

    /// <summary>The clinician's review: every check the commit would run, nothing changes (REVIEW-BEFORE-COMMIT).</summary>
    public ReportMessage Review(VirtualPump pump, Prescription p)
    {
        var (report, _, _) = Send(pump, () => new PumpCommands(Client(pump)).Program(p, confirmed: false, reviewOnly: true));
        Reviewed = p;
        return report;
    }

    /// <summary>The clinician's commit of the reviewed prescription (soft limits confirmed, as at the review screen).</summary>
    public (ReportMessage Report, long DailyDose, Prescription? Running) Commit(VirtualPump pump) =>
        Send(pump, () => new PumpCommands(Client(pump)).Program(Reviewed!, confirmed: true, reviewOnly: false));

    private T Send<T>(VirtualPump pump, Func<T> exchange)
    {
        _pump = pump;
        _sent.Clear();
        try { return exchange(); }
        finally { LastFrame = _sent.ToArray(); }
    }

    /// <summary>Sends raw bytes (a replay, a forgery) and returns the status of the answer, or null when none came.</summary>
    public ProtocolStatus? SendRaw(VirtualPump pump, byte[] wire)
    {
        _pump = pump;
        foreach (byte b in wire) _toDevice.Enqueue(b);
        Wake();
        var answer = _fromDevice.ToArray();
        _fromDevice.Clear();
        _toDevice.Clear();
        // The answer is the last complete frame on the line.
        int end = Array.LastIndexOf(answer, (byte)0);
        if (end <= 0) return null;
        int start = Array.LastIndexOf(answer, (byte)0, end - 1) + 1;
        var frame = new byte[Frame.MaxFrame];
        int length = Cobs.Decode(answer[start..end], end - start, frame);
        if (length < Frame.MinResponse || !Frame.CrcHolds(frame, length)) return null;
        return (ProtocolStatus)frame[10];
    }

    /// <summary>
    /// A request sealed under <paramref name="role"/>'s development key with the role's next counter, as
    /// the pump's Hello tells it; with <paramref name="forgeMac"/> one bit of its MAC is flipped and the
    /// CRC made right again, as a forger without the key would send it.
    /// </summary>
    public byte[] Sealed(VirtualPump pump, Role role, int command, byte[] payload, bool forgeMac)
    {
        uint counter = pump.Pump.ReplayCounters[(int)role] + 1;
        var frame = new byte[Frame.MaxFrame];
        Frame.RequestHeader(frame, 1, role, command, counter);
        Array.Copy(payload, 0, frame, Frame.RequestHeaderBytes, payload.Length);
        int length = Frame.Seal(frame, Frame.RequestHeaderBytes, payload.Length, new HmacSha256(DevelopmentKey(pump.Setup.DeviceId, role)));
        if (forgeMac)
        {
            frame[length - Frame.CrcBytes - 1] ^= 1;
            Frame.PutU16(frame, length - Frame.CrcBytes, Crc16.Compute(frame, 0, length - Frame.CrcBytes));
        }
        var encoded = new byte[Frame.MaxEncoded + 2];
        int n = Cobs.Encode(frame, 0, length, encoded);
        var wire = new byte[n + 2];
        Array.Copy(encoded, 0, wire, 1, n);
        return wire;
    }

    /// <summary>A program commit's payload (flags: confirmed), as iddsctl builds it.</summary>
    public static byte[] CommitPayload(Prescription p)
    {
        var w = new PayloadWriter(Frame.MaxPayload);
        w.U8(1);
        PrescriptionMessage.Write(w, p);
        return w.Buffer[..w.Length];
    }
}
