namespace ProjectHub.Contracts.Registry;

/// <summary>
/// Who is responsible for a project, carried on project events so that consumers (alerts, supervision) can route
/// without calling the registry back.
/// </summary>
public sealed record ProjectRouting(
    string ProjectId,
    string ProjectName,
    string OwnerUnit,
    string ResponsibleUnit,
    string IndustryDepartment,
    string LeaderInCharge,
    string Locality);
