using Grpc.Core;
using Esc = ProjectHub.Escalation.V1;

namespace ProjectHub.Board.Api;

/// <summary>
/// "Sign in as" until per-user sign-in exists: the recipient name (a unit, department or leader as the escalation
/// service addresses alerts) lives in a cookie. Reading that recipient's alerts uses the board's own token (it reads
/// everything); acknowledging acts as the recipient, which only development mode can do (see BoardTokens).
/// </summary>
public static class AlertApi
{
    public const string Cookie = "projecthub-recipient";

    public const string NoSignIn =
        "确认预警需要以接收人本人身份登录，本看板尚未接入统一登录，不能代为确认。请使用 projecthub alerts ack 并携带本人令牌。" +
        " (Acknowledging acts as the alert's recipient; without per-user sign-in the board will not act for anyone outside development mode.)";

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

        app.MapGet("/api/me", (HttpContext context, BoardServices s) =>
            new { recipient = Recipient(context), canAcknowledge = s.Tokens.Development });

        app.MapGet("/api/alerts", async (HttpContext context, BoardServices s, CancellationToken ct) =>
        {
            if (Recipient(context) is not { } recipient)
            {
                return Results.Ok(new { recipient = (string?)null, alerts = Array.Empty<AlertView>() });
            }

            var list = await s.Escalation.ListAlertsAsync(new Esc.ListAlertsRequest { RecipientId = recipient, PageSize = 200 }, s.Read(ct));
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

            // Never with the board's own token: the acknowledgement would be recorded as the board's, not the recipient's.
            if (s.Tokens.ForRecipient(recipient) is not { } token)
            {
                return Results.Problem(NoSignIn, statusCode: StatusCodes.Status403Forbidden);
            }

            try
            {
                // The escalation service checks the alert is addressed to the token's unit.
                var alert = await s.Escalation.AcknowledgeAlertAsync(new Esc.AcknowledgeAlertRequest { AlertId = id },
                    BoardServices.With(token, ct));
                return Results.Ok(Views.Alert(alert));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.FailedPrecondition)
            {
                return Results.Problem(e.Status.Detail, statusCode: e.StatusCode switch
                {
                    StatusCode.NotFound => StatusCodes.Status404NotFound,
                    StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status409Conflict,
                });
            }
        }).DisableAntiforgery();
    }
}
