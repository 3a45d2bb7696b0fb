using Microsoft.Extensions.Logging;
using ProjectHub.Board.Api;
using Grpc.Core;
using Esc = ProjectHub.Escalation.V1;

namespace ProjectHub.Board.Live;

/// <summary>
/// GET /events/alerts: bridges EscalationClient.SubscribeAlerts for the signed-in recipient to the browser, one
/// "alert" event per alert. If the gRPC stream breaks (service restart) it re-subscribes after a second; the page
/// re-reads the list on every event and on reconnect, so nothing is lost in the gap.
/// </summary>
public static partial class AlertEvents
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert stream for {Recipient} broke ({Status}); re-subscribing.")]
    private static partial void StreamBroke(ILogger logger, string recipient, global::Grpc.Core.StatusCode status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert stream for {Recipient} ended: the browser went away.")]
    private static partial void StreamEnded(ILogger logger, string recipient);

    public static void MapAlertEvents(this WebApplication app)
    {
        app.MapGet("/events/alerts", async (HttpContext context, BoardServices s, ILoggerFactory logs) =>
        {
            if (AlertApi.Recipient(context) is not { } recipient)
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent; // EventSource stops retrying on 204
                return;
            }

            var log = logs.CreateLogger("ProjectHub.Board.AlertEvents");
            var ct = context.RequestAborted;
            await ServerSentEvents.StartAsync(context.Response);
            await ServerSentEvents.SendAsync(context.Response, "ready", new { recipient }, ct);
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    using var call = s.Escalation.SubscribeAlerts(new Esc.SubscribeAlertsRequest { RecipientId = recipient },
                        s.ReadStream(ct));
                    await foreach (var alert in call.ResponseStream.ReadAllAsync(ct))
                    {
                        await ServerSentEvents.SendAsync(context.Response, "alert", Views.Alert(alert), ct);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (RpcException) when (ct.IsCancellationRequested)
                {
                    // The browser left 我的预警: the gRPC call is cancelled with it. Normal, not an error.
                    StreamEnded(log, recipient);
                    return;
                }
                catch (RpcException e) when (!ct.IsCancellationRequested)
                {
                    StreamBroke(log, recipient, e.StatusCode);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    await ServerSentEvents.SendAsync(context.Response, "resync", new { recipient }, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }
}
