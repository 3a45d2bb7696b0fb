// The signed-in recipient's unacknowledged alerts: re-read whenever /events/alerts (a bridge of the escalation
// service's SubscribeAlerts stream) says something arrived, and acknowledged with a button.
"use strict";

// False outside development mode: the board cannot act for a recipient without per-user sign-in (the server says 403).
let canAcknowledge = true;
const NO_ACK = "本看板尚未接入统一登录，不能代接收人确认；请使用 projecthub alerts ack 并携带本人令牌。";

async function refresh() {
  const d = await getJson("/api/alerts");
  const status = document.getElementById("status");
  const list = document.getElementById("alerts");
  if (!d.recipient) {
    status.textContent = "尚未选择身份。";
    list.replaceChildren();
    return;
  }
  document.getElementById("recipient").value = d.recipient;
  status.textContent = (d.alerts.length ? `${d.recipient}：${d.alerts.length} 条未确认` : `${d.recipient}：没有未确认的预警。`)
    + (canAcknowledge ? "" : " " + NO_ACK);
  // Each alert names its project (by name; the id only while the escalation service has not heard the name) and shows
  // its short number #N, the handle people quote and type (projecthub alerts ack N) instead of the long id.
  list.replaceChildren(...d.alerts.map(a => el("li", { class: "alert-item", "data-alert": a.id, "data-code": a.code, "data-project": a.projectId },
    el("div", {}, el("span", { class: "handle", text: "#" + a.sequence }), " ", el("strong", { text: a.title }), " ",
      el("span", { class: "status", text: a.createdAt }),
      a.projectId ? el("div", { class: "alert-project" }, "项目：",
        el("a", { href: "project.html?id=" + encodeURIComponent(a.projectId), text: a.projectName || a.projectId })) : null,
      el("div", { text: a.body })),
    el("button", { type: "button", class: "ack", "data-alert": a.id, "aria-label": "确认预警：" + a.title, text: "确认",
      disabled: !canAcknowledge, title: canAcknowledge ? null : NO_ACK }))));
}

async function acknowledge(id, button) {
  button.disabled = true;
  const r = await fetch("/api/alerts/acknowledge", { method: "POST", body: new URLSearchParams({ id }) });
  if (!r.ok) {
    button.disabled = false;
    // A problem response (403 outside development mode, or the service's refusal) says why; show it.
    const problem = await r.json().catch(() => null);
    document.getElementById("status").textContent = "确认失败（HTTP " + r.status + "）" + (problem?.detail ? "：" + problem.detail : "");
    return;
  }
  await refresh();
  document.getElementById("alerts-title").focus?.();
}

async function suggestRecipients() {
  try {
    const cards = await getJson("/api/cards");
    const ids = new Set(cards.flatMap(c => [c.leader, c.department, c.responsibleUnit]).filter(Boolean));
    document.getElementById("recipients").replaceChildren(...[...ids].sort((a, b) => a.localeCompare(b, "zh-CN")).map(v => el("option", { value: v })));
  } catch { /* suggestions are a convenience */ }
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("alerts").addEventListener("click", e => {
    const b = e.target.closest("button.ack");
    if (b) acknowledge(b.dataset.alert, b);
  });
  suggestRecipients();
  try {
    canAcknowledge = (await getJson("/api/me")).canAcknowledge !== false;
  } catch (err) {
    console.warn("/api/me failed; offering acknowledgement (the server refuses it with a message if it cannot):", err);
  }
  await refresh();
  const source = new EventSource("/events/alerts");
  source.addEventListener("ready", () => { document.body.dataset.live = "on"; refresh(); });
  source.addEventListener("alert", refresh);
  source.addEventListener("resync", refresh);
});
