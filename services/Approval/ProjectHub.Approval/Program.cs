using ProjectHub.Approval;
using ProjectHub.Hosting;

// The approval service as its own process (the production shape). See README "Configuration".
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Approval", "the approval service alone"))
{
    return 0;
}

return await ProjectHubHost.RunAsync(ApprovalServiceRegistration.Module, args);
