using ProjectHub.Grpc;
using Esc = ProjectHub.Escalation.V1;

namespace ProjectHub.Board.Api;

/// <summary>
/// "Sign in as" until authentication lands: the recipient id (a unit, department or leader id as the escalation
/// service routes alerts) lives in a cookie, and acknowledging an alert is done as that recipient.
/// </summary>
public static class AlertApi
{
    public const string Cookie = "projecthub-recipient";

    public static string? Recipient(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Cookie, out var id) && !string.IsNullOrWhiteSpace(id) ? id : null;

    public static void MapAlertApi(this WebApplication app)
    {
        // A plain form post, so signing in works without script; back to the alerts page.
        app.MapPost("/signin", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var id = form["recipient"].ToString().Trim();
            if (id.Length == 0)
            {
                context.Response.Cookies.Delete(Cookie);
            }
            else
            {
                context.Response.Cookies.Append(Cookie, id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            }

            return Results.Redirect("/alerts.html");
        }).DisableAntiforgery();

        app.MapGet("/api/me", (HttpContext context) => new { recipient = Recipient(context) });

        app.MapGet("/api/alerts", async (HttpContext context, BoardServices s, CancellationToken ct) =>
        {
            if (Recipient(context) is not { } recipient)
            {
                return Results.Ok(new { recipient = (string?)null, alerts = Array.Empty<AlertView>() });
            }

            var list = await s.Escalation.ListAlertsAsync(new Esc.ListAlertsRequest { RecipientId = recipient, PageSize = 200 },
                BoardServices.As(recipient, ct));
            return Results.Ok(new { recipient, alerts = list.Alerts.Where(a => !a.Acknowledged).Select(Views.Alert).ToList() });
        });

        // The id travels in the form body: alert ids contain '/' (PROJECT_RED/<project>/<time>/<recipient>).
        app.MapPost("/api/alerts/acknowledge", async (HttpContext context, BoardServices s, CancellationToken ct) =>
        {
            var id = (await context.Request.ReadFormAsync(ct))["id"].ToString();
            if (Recipient(context) is not { } recipient)
            {
                return Results.Unauthorized();
            }

            // The services trust x-actor, so the board itself makes sure one recipient only acknowledges their own alerts.
            var mine = await s.Escalation.ListAlertsAsync(new Esc.ListAlertsRequest { RecipientId = recipient, PageSize = 500 },
                BoardServices.As(recipient, ct));
            if (mine.Alerts.All(a => a.Id != id))
            {
                return Results.NotFound();
            }

            try
            {
                var alert = await s.Escalation.AcknowledgeAlertAsync(new Esc.AcknowledgeAlertRequest { AlertId = id },
                    BoardServices.As(recipient, ct));
                return Results.Ok(Views.Alert(alert));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.FailedPrecondition)
            {
                return Results.Problem(e.Status.Detail, statusCode: e.StatusCode == StatusCode.NotFound ? 404 : 409);
            }
        }).DisableAntiforgery();
    }
}
