namespace OpenIdds.Bench.Balance;

/// <summary>What a balance answered, whatever its protocol.</summary>
public enum ReplyKind
{
    Stable,
    Dynamic,
    Overload,
    Underload,
    NotExecutable,
    SyntaxError,
    TransmissionError,
    LogicalError,
    Unreadable,
}

/// <summary>One parsed reply: its kind and, for a weight, the mass in milligrams.</summary>
public sealed record BalanceReply(ReplyKind Kind, double Milligrams = 0, string Raw = "")
{
    public bool HasWeight => Kind is ReplyKind.Stable or ReplyKind.Dynamic;
}
