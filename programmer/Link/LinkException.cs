namespace OpenIdds.Programmer.Link;

/// <summary>Something the user must fix, said in words that name it (a port, a key, a role, a value).</summary>
public sealed class LinkException(string message) : Exception(message);
