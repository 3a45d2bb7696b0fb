// Shared helpers for the board's pages: element building without innerHTML (names are data, never markup),
// JSON fetches, and the signed-in recipient in the header.
"use strict";
const LIGHT_NAMES = { red: "红灯", yellow: "黄灯", green: "绿灯", none: "未亮灯" };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { accept: "application/json" } });
  if (!r.ok) throw new Error(url + " → HTTP " + r.status);
  return r.json();
}

function pct(v) { return v === null || v === undefined ? "—" : Number(v).toFixed(1) + "%"; }

async function showWho() {
  const who = document.getElementById("who");
  if (!who) return;
  try {
    const me = await getJson("/api/me");
    who.textContent = me.recipient ? "当前身份：" + me.recipient : "未选择身份";
  } catch { who.textContent = ""; }
}
document.addEventListener("DOMContentLoaded", showWho);
