namespace OpenIdds.Programmer.Link;

/// <summary>Opens the transport a user named: a serial device path, or tcp://host:port.</summary>
public static class LinkAddress
{
    public static ILinkTransport Open(string address, int baud)
    {
        if (address.StartsWith("tcp://", StringComparison.Ordinal))
        {
            string rest = address["tcp://".Length..];
            int colon = rest.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(rest[(colon + 1)..], out int port) || port is < 1 or > 65535)
                throw new LinkException($"--port {address}: a TCP address is tcp://host:port with a port in 1..65535");
            return new TcpLinkTransport(rest[..colon], port);
        }
        return new SerialLinkTransport(address, baud);
    }
}
