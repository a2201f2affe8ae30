using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Programmer.Keys;
using OpenIdds.Programmer.Link;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>A running pump and a programmer holding its development keys, joined by an in-memory link.</summary>
public sealed class LinkedPump
{
    public LinkedPump(Prescription? prescription = null)
    {
        Link = new InMemoryLink();
        Rig = PumpRig.Running(prescription, link: Link);
        Link.DeviceWakes = () => Rig.Pump.Tick();
        Keys = new Dictionary<Role, byte[]>();
        for (int r = 0; r < RoleName.Count; r++) Keys[(Role)r] = KeyFile.DevelopmentKey(Rig.Setup.DeviceId, (Role)r);
        Client = new ProtocolClient(Link, (_, role) => Keys.TryGetValue(role, out var k) ? k : null);
    }

    public PumpRig Rig { get; }
    public InMemoryLink Link { get; }
    public Dictionary<Role, byte[]> Keys { get; }
    public ProtocolClient Client { get; }

    /// <summary>What must not change without a valid authenticated command: the therapy, its counters, the keys, the replay counters.</summary>
    public string Fingerprint() => Fingerprint(counters: true);

    /// <param name="counters">False to leave out the replay counters (an authenticated read moves its role's counter).</param>
    public string Fingerprint(bool counters)
    {
        var p = Rig.Pump;
        var t = p.Therapy;
        return string.Join("|", t.Revision, t.Prescription.Mode, t.Prescription.Rate.Value, t.PatientBolusesGranted, t.PatientBolusesRefused,
            t.ClinicianBolusesGranted, t.Configuration.TimeOfDayAtZero.Value, p.Calibration.PicolitersPerStep, p.Supervisor.State, p.Supervisor.Fill.Value,
            counters ? string.Join(",", p.ReplayCounters) : "-", p.Keys.Provisioned(Role.Patient), p.Keys.Provisioned(Role.Clinician), p.Keys.Provisioned(Role.Service),
            p.Diary.Count, p.RefillOpen, p.Supervisor.Alarms.LatchedBits);
    }

    /// <summary>A sealed, stuffed request frame as a programmer would put it on the wire (with the trailing 0x00).</summary>
    public byte[] RawRequest(Role role, int command, uint counter, byte[] payload, byte[]? key, int sequence = 1)
    {
        var frame = new byte[Frame.MaxFrame];
        Frame.RequestHeader(frame, sequence, role, command, counter);
        Array.Copy(payload, 0, frame, Frame.RequestHeaderBytes, payload.Length);
        int length = Frame.Seal(frame, Frame.RequestHeaderBytes, payload.Length, key == null ? null : new HmacSha256(key));
        return Stuff(frame, length);
    }

    public static byte[] Stuff(byte[] frame, int length)
    {
        var encoded = new byte[Frame.MaxEncoded + 2];
        int n = Cobs.Encode(frame, 0, length, encoded);
        var wire = new byte[n + 1];
        Array.Copy(encoded, wire, n);
        return wire;
    }

    /// <summary>Feeds raw bytes to the device, ticks it once, and returns the status of each answer it sent.</summary>
    public List<ProtocolStatus> Feed(byte[] wire)
    {
        Link.DrainFromDevice();
        Link.Write(wire, 0, wire.Length);
        Rig.Pump.Tick();
        var statuses = new List<ProtocolStatus>();
        var buffer = new byte[Link.PendingFromDevice];
        int n = Link.Read(buffer, 0, buffer.Length, TimeSpan.Zero);
        var current = new List<byte>();
        for (int i = 0; i < n; i++)
        {
            if (buffer[i] != 0) { current.Add(buffer[i]); continue; }
            var decoded = new byte[Frame.MaxFrame];
            int length = Cobs.Decode(current.ToArray(), current.Count, decoded);
            current.Clear();
            if (length >= Frame.MinResponse && Frame.CrcHolds(decoded, length)) statuses.Add((ProtocolStatus)decoded[10]);
        }
        return statuses;
    }
}
