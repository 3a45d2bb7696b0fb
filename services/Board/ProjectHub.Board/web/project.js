// A project's page: light and reasons, the week-by-week planned-vs-reported chart (inline SVG, no library), open
// problems with their step on the ladder, and the weekly reports.
"use strict";
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// points: one per week (Monday "YYYY-MM-DD", ISO name, planned %, reported %); a week without a report has nulls.
function chart(points) {
  if (points.length === 0) return el("p", { class: "status", text: "尚无周报，暂无进度曲线。" });
  const latest = points.at(-1);
  const W = 720, H = 300, L = 48, R = 16, T = 16, B = 48;
  const x = i => L + (points.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (points.length - 1));
  const y = v => T + (H - T - B) * (1 - Math.min(100, Math.max(0, v)) / 100);
  const root = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `计划与实际累计进度（按周），共 ${points.length} 周；最近一周 ${latest.name}（${latest.week} 起）计划 ${pct(latest.planned)}，实际 ${pct(latest.actual)}` });
  for (const v of [0, 25, 50, 75, 100]) {
    root.append(svg("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#e0e0e0" }));
    root.append(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 12, fill: "#5f6368" }, v + "%"));
  }
  const step = Math.max(1, Math.ceil(points.length / 6));
  points.forEach((p, i) => {
    if (i % step === 0 || i === points.length - 1)
      root.append(svg("text", { x: x(i), y: H - B + 18, "text-anchor": "middle", "font-size": 11, fill: "#5f6368", "data-week": p.week }, p.week.slice(5)));
  });
  const series = [["planned", "#5f6368", "6 4", "计划（基线）"], ["actual", "#d93025", "", "实际（填报）"]];
  series.forEach(([key, colour, dash, label], s) => {
    const pts = points.map((p, i) => [i, p[key]]).filter(([, v]) => v !== null && v !== undefined);
    if (pts.length > 0) {
      root.append(svg("polyline", { points: pts.map(([i, v]) => `${x(i)},${y(v)}`).join(" "), fill: "none", stroke: colour,
        "stroke-width": 2.5, "stroke-dasharray": dash, "data-series": key }));
      for (const [i, v] of pts) {
        const dot = svg("circle", { cx: x(i), cy: y(v), r: 3.5, fill: colour, "data-series": key });
        dot.append(svg("title", {}, `${points[i].name}（${points[i].week} 起）${label} ${pct(v)}`));
        root.append(dot);
      }
    }
    root.append(svg("line", { x1: L + s * 150, x2: L + s * 150 + 28, y1: H - 10, y2: H - 10, stroke: colour, "stroke-width": 2.5, "stroke-dasharray": dash }));
    root.append(svg("text", { x: L + s * 150 + 34, y: H - 6, "font-size": 12, fill: "#1f2328" }, label));
  });
  return root;
}

function problemItem(p, ladder) {
  return el("li", { "data-problem": p.id },
    el("div", {}, p.supervision ? el("span", { class: "badge", text: "督办" }) : null, el("span", { class: "badge", text: p.category }),
      p.overdue ? el("span", { class: "badge overdue", text: "已超期" }) : null, p.description),
    el("div", { class: "status", text: `当前：第 ${p.tierNumber} 级 ${p.tierName} · ${p.state}` + (p.deadline ? ` · 本级期限 ${p.deadline}` + (p.deadlineProvisional ? "（暂定：该年节假日安排未发布，按周一至周五计算）" : "") : "") }),
    el("ol", { class: "ladder", "aria-label": "协调层级" }, ...ladder.map((name, i) =>
      el("li", { class: i + 1 === p.tierNumber ? "here" : null, "aria-current": i + 1 === p.tierNumber ? "step" : null, text: `${i + 1}. ${name}` }))));
}

document.addEventListener("DOMContentLoaded", async () => {
  const id = new URLSearchParams(location.search).get("id");
  let d;
  try {
    d = await getJson("/api/projects/" + encodeURIComponent(id || ""));
  } catch (err) {
    document.getElementById("name").textContent = "找不到该项目";
    return;
  }
  const c = d.card;
  document.title = c.name + " · 挂图作战";
  const name = document.getElementById("name");
  name.replaceChildren(el("span", { class: "dot " + c.light, "aria-hidden": "true", style: "display:inline-block;margin-right:8px" }), c.name,
    el("span", { class: "badge", "data-light": c.light, id: "light", text: LIGHT_NAMES[c.light], style: "margin-left:8px" }));
  document.getElementById("summary").textContent = [c.tier, c.stage, c.department, c.locality, "分管：" + c.leader,
    "责任单位：" + c.responsibleUnit, "责任人：" + d.responsiblePerson, `计划 ${pct(d.plannedPercent)} / 实际 ${pct(d.actualPercent)}`,
    `工期 ${d.plannedStart} 至 ${d.plannedCompletion}`].concat(d.reasons).filter(Boolean).join(" · ");
  document.getElementById("chart").replaceChildren(chart(d.progress));
  const problems = document.getElementById("problems");
  problems.replaceChildren(...(d.problems.length ? d.problems.map(p => problemItem(p, d.ladder)) : [el("li", { class: "status", text: "没有未解决的问题。" })]));
  document.getElementById("reports").replaceChildren(...(d.reports.length ? d.reports.map(r => el("tr", {},
    el("td", { text: r.period }), el("td", { class: "num", text: pct(r.percent) }),
    el("td", { class: "num", text: r.investment === null ? "—" : Number(r.investment).toLocaleString("zh-CN") }),
    el("td", { class: "num", text: r.workers }), el("td", { text: [r.narrative].concat(r.problems).filter(Boolean).join("；") }))) :
    [el("tr", {}, el("td", { colspan: 5, class: "status", text: "尚无填报。" }))]));
});
