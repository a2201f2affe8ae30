namespace OpenIdds.Bench.Balance;

/// <summary>The balance could not be opened within the connect timeout at the start of a recording.</summary>
public sealed class BalanceNotConnectedException(string message, Exception? inner) : IOException(message, inner);
