// The ranking of responsible units for this year so far (RankUnits). Shares arrive as fractions or percents
// depending on the figure; anything ≤ 1 is shown as a percent.
"use strict";
function share(v) { return v === null || v === undefined ? "—" : (Math.abs(v) <= 1 ? v * 100 : v).toFixed(1) + "%"; }

document.addEventListener("DOMContentLoaded", async () => {
  let d;
  try { d = await getJson("/api/ranking"); } catch (err) { document.getElementById("period").textContent = "加载失败：" + err.message; return; }
  document.getElementById("period").textContent = `统计期：${d.from} 至 ${d.to}`;
  document.getElementById("ranks").replaceChildren(...d.ranks.map(r => el("tr", {},
    el("td", { class: "num", text: r.rank }), el("th", { scope: "row", text: r.unit }),
    el("td", { class: "num", text: r.score === null ? "—" : Number(r.score).toFixed(1) }),
    el("td", { class: "num", text: share(r.greenShare) }), el("td", { class: "num", text: share(r.investmentCompletion) }),
    el("td", { class: "num", text: share(r.onTimeReporting) }), el("td", { class: "num", text: share(r.problemResolution) }),
    el("td", { text: `${r.red} / ${r.yellow} / ${r.green}` }))));
});
