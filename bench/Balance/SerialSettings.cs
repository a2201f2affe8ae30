using System.IO.Ports;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// The serial settings of a balance. Every one is a setting because models differ: MT-SICS balances are
/// usually 9600 8-N-1 without handshake, Sartorius SBI models ship with 1200 7-O-1 or 9600 8-N-1 and
/// some with RTS/CTS.
/// </summary>
public sealed record SerialSettings(string Port, int Baud = 9600, Parity Parity = Parity.None, int DataBits = 8, StopBits StopBits = StopBits.One, Handshake Handshake = Handshake.None)
{
    public override string ToString() =>
        $"{Port} {Baud} {DataBits}-{Parity.ToString()[0]}-{(StopBits switch { StopBits.OnePointFive => "1.5", StopBits.Two => "2", _ => "1" })}, handshake {Handshake}";
}
