using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// ROLE-BEFORE-LINK: a command whose frames --role may not send is refused before the link opens,
/// saying which roles may send it - never quietly sent under another key that the key file holds.
/// </summary>
public static class RoleCheck
{
    /// <summary>Null where --role was not given or may send every command in <paramref name="commands"/>; else why not.</summary>
    public static string? Refusal(Role? asked, string what, params int[] commands)
    {
        if (asked is not Role role) return null;
        foreach (int command in commands)
        {
            if (CommandTable.Allows(command, role)) continue;
            var allowed = new[] { Role.Patient, Role.Clinician, Role.Service }.Where(r => CommandTable.Allows(command, r)).Select(RoleName.Of);
            return $"{what} needs the {string.Join(" or ", allowed)} role ({CommandTable.Name(command)}), and --role is {RoleName.Of(role)}: nothing was sent. Run it without --role, or with --role {allowed.First()}.";
        }
        return null;
    }
}
