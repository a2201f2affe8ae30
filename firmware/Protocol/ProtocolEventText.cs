using OpenIdds.Firmware.Persistence;

namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// An event's values in words with the protocol's names: <see cref="EventText"/> for every kind, and
    /// an authentication failure's status named by <see cref="ProtocolStatusName"/> beside its number.
    /// Persistence sits below Protocol and cannot name a status itself; this layer knows both, so the
    /// names have one owner and the log needs no copy of them.
    /// </summary>
    public static class ProtocolEventText
    {
        public static string Describe(EventKind kind, long a, long b)
        {
            string text = EventText.Describe(kind, a, b);
            if (kind != EventKind.AuthenticationFailed) return text;
            return text + " (" + ProtocolStatusName.Of((ProtocolStatus)b) + ")";
        }
    }
}
