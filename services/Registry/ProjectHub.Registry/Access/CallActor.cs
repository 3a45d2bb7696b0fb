using ProjectHub.Security;

namespace ProjectHub.Registry.Access;

/// <summary>
/// Who is acting, as audit records, baselines, reports and events name it: the subject of the caller's verified
/// token (<c>context.Caller()</c>) — never a request field or header, so nobody can act in another's name.
/// </summary>
public static class CallActor
{
    public static string Of(Caller caller) => caller.Subject;
}
