namespace OpenIdds.Programmer.Link;

/// <summary>Something the user must fix, said in words that name it (a port, a key, a role, a value).</summary>
public sealed class LinkException(string message, LinkFailure failure = LinkFailure.Usage, OpenIdds.Firmware.Protocol.ProtocolStatus? status = null) : Exception(message)
{
    /// <summary>The status of the device's refusal, when one came (sealed or not).</summary>
    public OpenIdds.Firmware.Protocol.ProtocolStatus? Status { get; } = status;

    /// <summary>Whether the device said no, or what it did is unknown (a provisioning must tell these apart).</summary>
    public LinkFailure Failure { get; } = failure;
}

/// <summary>What a link error says about the device's state.</summary>
public enum LinkFailure
{
    /// <summary>Found before anything was sent (a key, an option, a file): the device was not asked.</summary>
    Usage,
    /// <summary>The device answered with a refusal sealed under the role's key: the command did not run.</summary>
    Refused,
    /// <summary>No answer, or one that did not verify: the command may or may not have run.</summary>
    AnswerLost,
}
