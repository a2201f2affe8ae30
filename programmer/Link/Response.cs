using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Programmer.Link;

/// <summary>A verified answer from the pump: its status and its payload.</summary>
public sealed class Response(int command, ProtocolStatus status, byte[] payload, bool authenticated)
{
    public int Command { get; } = command;
    public ProtocolStatus Status { get; } = status;
    public byte[] Payload { get; } = payload;

    /// <summary>True when the answer's HMAC verified under the role key (every answer to an authenticated request that got through).</summary>
    public bool Authenticated { get; } = authenticated;

    public PayloadReader Reader() => new(Payload, 0, Payload.Length);

    /// <summary>The human-readable reason the device gave with a refusal (the first text field of the payload).</summary>
    public string Reason => Payload.Length > 0 ? Reader().Text("reason") : "";
}
