using ProjectHub.Escalation;
using ProjectHub.Hosting;

// The escalation service as its own process (the production shape). See README "Configuration".
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Escalation", "the escalation service alone"))
{
    return 0;
}

return await ProjectHubHost.RunAsync(EscalationServiceRegistration.Module, args);
