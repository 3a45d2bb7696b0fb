// The signed-in recipient's unacknowledged alerts: re-read whenever /events/alerts (a bridge of the escalation
// service's SubscribeAlerts stream) says something arrived, and acknowledged with a button.
"use strict";

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
  status.textContent = d.alerts.length ? `${d.recipient}：${d.alerts.length} 条未确认` : `${d.recipient}：没有未确认的预警。`;
  list.replaceChildren(...d.alerts.map(a => el("li", { class: "alert-item", "data-alert": a.id, "data-code": a.code, "data-project": a.projectId },
    el("div", {}, el("strong", { text: a.title }), " ", el("span", { class: "status", text: a.createdAt }),
      el("div", { text: a.body }),
      a.projectId ? el("a", { href: "project.html?id=" + encodeURIComponent(a.projectId), text: "查看项目" }) : null),
    el("button", { type: "button", class: "ack", "data-alert": a.id, "aria-label": "确认预警：" + a.title, text: "确认" }))));
}

async function acknowledge(id, button) {
  button.disabled = true;
  const r = await fetch("/api/alerts/acknowledge", { method: "POST", body: new URLSearchParams({ id }) });
  if (!r.ok) {
    button.disabled = false;
    document.getElementById("status").textContent = "确认失败（HTTP " + r.status + "）";
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
  await refresh();
  const source = new EventSource("/events/alerts");
  source.addEventListener("ready", () => { document.body.dataset.live = "on"; refresh(); });
  source.addEventListener("alert", refresh);
  source.addEventListener("resync", refresh);
});
