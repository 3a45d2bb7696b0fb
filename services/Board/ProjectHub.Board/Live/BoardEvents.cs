using ProjectHub.Board.Api;

namespace ProjectHub.Board.Live;

/// <summary>
/// GET /events/board: the cards' lights, live. The registry publishes light changes only on the bus, which the
/// board does not join (it talks gRPC only), so each open page gets a server-side poll of ListProjects every
/// Board:PollSeconds (default 2) and an event "lights" — the whole id→light map — only when something changed.
/// One ListProjects per page every 2 s is cheap at a city's scale (hundreds of projects, a handful of viewers).
/// </summary>
public static class BoardEvents
{
    public static void MapBoardEvents(this WebApplication app)
    {
        app.MapGet("/events/board", async (HttpContext context, BoardServices s, IConfiguration configuration) =>
        {
            var interval = TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Board:PollSeconds", 2.0)));
            var ct = context.RequestAborted;
            await ServerSentEvents.StartAsync(context.Response);
            string? last = null;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var lights = (await ProjectReader.AllAsync(s, ct)).ToDictionary(p => p.Id, p => Views.LightName(p.Light?.Light ?? ProjectHub.Registry.V1.Light.None));
                    var signature = string.Join(',', lights.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
                    if (signature != last)
                    {
                        await ServerSentEvents.SendAsync(context.Response, "lights", lights, ct);
                        last = signature;
                    }
                    else
                    {
                        await ServerSentEvents.PingAsync(context.Response, ct);
                    }

                    await Task.Delay(interval, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The page went away.
            }
        });
    }
}
