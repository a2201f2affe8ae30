namespace OpenIdds.HostLib;

/// <summary>
/// Text a person wrote that a host tool cannot take: the message names the field, the value and the
/// limit. An <see cref="ArgumentException"/>, so that a command line's own checks and these end the same
/// way (exit 2, the message, nothing changed).
/// </summary>
public class InputException(string message) : ArgumentException(message);
