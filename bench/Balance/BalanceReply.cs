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
    /// <summary>The balance reported an error code of its own (SBI <c>Err ###</c>).</summary>
    BalanceError,
    Unreadable,
}

/// <summary>One parsed reply: its kind and, for a weight, the mass in milligrams and the unit it came in.</summary>
public sealed record BalanceReply(ReplyKind Kind, double Milligrams = 0, string Raw = "", string Unit = "")
{
    public bool HasWeight => Kind is ReplyKind.Stable or ReplyKind.Dynamic;

    /// <summary>A short name for the CSV's note column: lower case, no separators.</summary>
    public string Note => Kind switch
    {
        ReplyKind.Overload => "overload",
        ReplyKind.Underload => "underload",
        ReplyKind.NotExecutable => "not-executable",
        ReplyKind.SyntaxError => "syntax-error",
        ReplyKind.TransmissionError => "transmission-error",
        ReplyKind.LogicalError => "logical-error",
        ReplyKind.BalanceError => "balance-error",
        ReplyKind.Unreadable => "unreadable",
        _ => "",
    };
}
