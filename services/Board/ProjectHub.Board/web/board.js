// The board: every key project as a card, grouped and filtered in the browser, lights kept live by /events/board.
"use strict";
let cards = [];
const GROUP_KEYS = { department: "department", locality: "locality", leader: "leader" };

function filtered() {
  const light = document.getElementById("light").value;
  const tier = document.getElementById("tier").value;
  const stage = document.getElementById("stage").value;
  const text = document.getElementById("text").value.trim().toLowerCase();
  return cards.filter(c => (!light || c.light === light) && (!tier || c.tier === tier) && (!stage || c.stage === stage)
    && (!text || [c.name, c.department, c.locality, c.leader, c.responsibleUnit].some(v => (v || "").toLowerCase().includes(text))));
}

function tally(list) {
  const t = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const c of list) t[c.light] = (t[c.light] || 0) + 1;
  return t;
}

function cardElement(c) {
  return el("li", {}, el("a", { class: "card", href: "project.html?id=" + encodeURIComponent(c.id), "data-id": c.id, "data-light": c.light,
      "aria-label": c.name + "，" + LIGHT_NAMES[c.light] },
    el("span", { class: "dot", "aria-hidden": "true" }),
    el("span", {}, el("span", { class: "name", text: c.name }),
      el("span", { class: "meta", text: [LIGHT_NAMES[c.light], c.tier, c.stage, c.locality].join(" · ") }))));
}

function render() {
  const list = filtered();
  const t = tally(list);
  for (const k of Object.keys(t)) document.getElementById("count-" + k).textContent = t[k];
  document.getElementById("count-total").textContent = list.length;
  const key = GROUP_KEYS[document.getElementById("group").value];
  const groups = new Map();
  for (const c of list) {
    const g = c[key] || "（未填）";
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(c);
  }
  // Worst groups first: more red, then more yellow — where a leader should look.
  const order = [...groups.entries()].sort((a, b) => {
    const ta = tally(a[1]), tb = tally(b[1]);
    return tb.red - ta.red || tb.yellow - ta.yellow || a[0].localeCompare(b[0], "zh-CN");
  });
  const host = document.getElementById("groups");
  host.replaceChildren(...order.map(([name, items]) => {
    const gt = tally(items);
    const id = "g-" + name;
    return el("section", { class: "group", "aria-labelledby": id },
      el("h2", { id }, name, el("span", { class: "tally", text: `红 ${gt.red} · 黄 ${gt.yellow} · 绿 ${gt.green} · 未亮 ${gt.none}` })),
      el("ul", { class: "cards" }, ...items.sort((a, b) => "ryg n".indexOf(a.light[0]) - "ryg n".indexOf(b.light[0])).map(cardElement)));
  }));
  document.getElementById("status").textContent = list.length === cards.length ? "" : `已筛选：显示 ${list.length} / ${cards.length} 个项目`;
}

function fillOptions(id, values) {
  const s = document.getElementById(id);
  for (const v of [...new Set(values)].sort((a, b) => a.localeCompare(b, "zh-CN"))) s.append(el("option", { value: v, text: v }));
}

async function load() {
  cards = await getJson("/api/cards");
  render();
}

function listen() {
  const source = new EventSource("/events/board");
  source.addEventListener("lights", async e => {
    const lights = JSON.parse(e.data);
    const known = new Set(cards.map(c => c.id));
    const changed = cards.some(c => lights[c.id] !== undefined && lights[c.id] !== c.light);
    if (Object.keys(lights).some(id => !known.has(id)) || Object.keys(lights).length !== cards.length) {
      await load(); // a project was registered or left: re-read names and groups
      return;
    }
    for (const c of cards) if (lights[c.id] !== undefined) c.light = lights[c.id];
    if (changed) render();
    document.body.dataset.live = "on";
  });
}

document.addEventListener("DOMContentLoaded", async () => {
  const params = new URLSearchParams(location.search);
  try {
    await load();
  } catch (err) {
    document.getElementById("status").textContent = "加载失败：" + err.message;
    return;
  }
  fillOptions("tier", cards.map(c => c.tier));
  fillOptions("stage", cards.map(c => c.stage));
  for (const id of ["group", "light", "tier", "stage", "text"]) {
    if (params.get(id)) document.getElementById(id).value = params.get(id);
    document.getElementById(id).addEventListener(id === "text" ? "input" : "change", render);
  }
  document.getElementById("filters").addEventListener("submit", e => e.preventDefault());
  render();
  // "/" jumps to the search box, as on many sites; typing in a field is left alone.
  document.addEventListener("keydown", e => {
    if (e.key === "/" && !["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) {
      e.preventDefault();
      document.getElementById("text").focus();
    }
  });
  listen();
});
