// The supervisor's reports page (/supervisor/reports): pick a period — Ngày, Tháng, Quý, Năm (quarters and years
// are the reporting ones, 15th → 14th) — read GET /api/v1/reports, and show the on-time and satisfaction gauges
// against their targets, charts per field and per officer, and the tables; one-click CSV; the browser's print
// of this page is the A4 report (print CSS keeps it to one page).
import { api, StaffSignIn, el } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, errorText, formatNumber, formatPercent } from "/i18n.js";

const SESSION_KEY = "khongcho.supervisor.session"; // shared with /supervisor: one sign-in for both
const ROLES = ["supervisor", "admin"];
const SVG_NS = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

const state = { kind: "month", date: "", report: null, error: null, seq: 0 };

const auth = new StaffSignIn({ storageKey: SESSION_KEY, roles: ROLES, onEnter: enter, onSignedOut: leave });

// ---------- Periods ----------

/** The period text the API takes for `kind` containing the day `iso` (YYYY-MM-DD). */
export function periodFor(kind, iso) {
  const [y, m, d] = iso.split("-").map(Number);
  if (kind === "day") return `day:${iso}`;
  if (kind === "month") return `month:${iso.slice(0, 7)}`;
  // Reporting months run 15th → 14th: from the 15th a day belongs to the next month's period.
  let month = d >= 15 ? m + 1 : m;
  let year = y;
  if (month === 13) { month = 1; year += 1; }
  if (kind === "quarter") return `quarter:${year}-Q${Math.ceil(month / 3)}`;
  return `year:${year}`;
}

// ---------- Formatting ----------

const number = formatNumber;
const percent = formatPercent;
const minutes = (seconds) => (seconds === null || seconds === undefined ? t("dash") : number(seconds / 60, 1));

/** "Nguyễn Thị Lan (quay1)" when the officer has a display name, else the username. */
function staffLabel(report, username) {
  const name = (report.staffNames || {})[username];
  return name ? `${name} (${username})` : username;
}

function fieldLabel(report, code) {
  const field = report.fields.find((f) => f.code === code);
  if (!field) return code;
  return lang() === "en" ? field.nameEn || field.name : field.name;
}

// ---------- Session and data ----------

function leave() {
  state.report = null;
  $("report-view").hidden = true;
}

async function enter() {
  $("report-view").hidden = false;
  if (!state.date) {
    try {
      // The hall's day (the training clock included), not this browser's.
      const { data } = await auth.call("/api/v1/supervisor/overview");
      state.date = data.serviceDay;
    } catch (error) {
      if (error.status === 401) return;
      state.date = new Date().toISOString().slice(0, 10);
    }
  }
  $("report-date").value = state.date;
  await load();
}

async function load() {
  const seq = ++state.seq;
  renderBar();
  try {
    const { data } = await auth.call(`/api/v1/reports?period=${encodeURIComponent(periodFor(state.kind, state.date))}`);
    if (seq !== state.seq) return;
    state.report = data;
    state.error = null;
  } catch (error) {
    if (seq !== state.seq || error.status === 401) return;
    state.report = null;
    state.error = error;
  }
  render();
}

async function downloadCSV() {
  const period = periodFor(state.kind, state.date);
  try {
    const response = await fetch(`/api/v1/reports?period=${encodeURIComponent(period)}&format=csv`, {
      headers: { Authorization: `Bearer ${auth.token}` }, cache: "no-store",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || "bao-cao.csv";
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    state.error = error;
    render();
  }
}

// ---------- Rendering ----------

function renderBar() {
  for (const button of document.querySelectorAll(".period-kinds .btn")) {
    button.setAttribute("role", "radio");
    button.setAttribute("aria-checked", button.dataset.kind === state.kind ? "true" : "false");
  }
}

function render() {
  renderBar();
  const box = $("report-error");
  box.hidden = !state.error;
  if (state.error) box.textContent = errorText(state.error);
  const report = state.report;
  if (!report) { $("report").replaceChildren(); return; }
  const total = report.figures.total;
  $("report").replaceChildren(
    el("h1", { dataset: { testid: "report-centre" } }, report.centreName),
    el("p", { class: "period", dataset: { testid: "report-period" } },
      `${lang() === "en" ? report.period.englishLabel : report.period.label} · ${t("rep.issued", { n: number(total.issued) })} · `
      + t("rep.served", { n: number(total.served) })),
    el("section", { class: "gauges", dataset: { testid: "gauges" } }, gauges(report)),
    el("section", { class: "charts" }, fieldCharts(report)),
    el("section", { class: "charts" }, staffCharts(report)),
    el("div", { class: "tables" }, fieldTable(report), staffTable(report)),
    el("p", { class: "rep-footer" }, t("rep.footer", { at: new Date(report.asOf).toLocaleString(lang() === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) })));
}

/** The on-time gauge (98 %), the overall satisfaction (95 %) and one per field group with its own target (85 %…). */
function gauges(report) {
  const total = report.figures.total;
  const list = [
    gauge("on-time", t("rep.g.onTime"), total.promisesOnTimeRate, report.targets.promisesOnTime,
      t("rep.g.onTime.sub", { ok: number(total.promisesOnTime), due: number(total.promisesDue) })),
    gauge("satisfaction", t("rep.g.satisfaction"), total.satisfactionRate, report.targets.satisfaction,
      t("rep.g.ratings", { ok: number(total.satisfied), n: number(total.ratings) })),
  ];
  const groups = new Map();
  for (const [code, target] of Object.entries(report.targets.satisfactionByField || {})) {
    if (!groups.has(target)) groups.set(target, []);
    groups.get(target).push(code);
  }
  for (const [target, all] of [...groups.entries()].sort((a, b) => b[0] - a[0])) {
    const codes = all.filter((code) => report.fields.some((f) => f.code === code));
    if (!codes.length) continue;
    const rows = report.figures.byField.filter((f) => codes.includes(f.key));
    const satisfied = rows.reduce((sum, f) => sum + f.satisfied, 0);
    const ratings = rows.reduce((sum, f) => sum + f.ratings, 0);
    gaugeGroup(list, target, codes, satisfied, ratings, report);
  }
  list.push(gauge("within-target", t("rep.g.within"), total.withinTargetShare, null,
    t("rep.g.within.sub", { ok: number(total.withinTarget), n: number(total.waited) })));
  return list;
}

function gaugeGroup(list, target, codes, satisfied, ratings, report) {
  // Only the fields this catalog has (targets may name fields a small commune does not run).
  const names = codes.filter((code) => report.fields.some((f) => f.code === code)).map((code) => fieldLabel(report, code)).join(", ");
  list.push(gauge(`satisfaction-${Math.round(target * 100)}`, t("rep.g.group", { f: names }), ratings ? satisfied / ratings : null,
    target, t("rep.g.ratings", { ok: number(satisfied), n: number(ratings) })));
}

function gauge(id, label, share, target, sub) {
  const verdict = share === null || share === undefined || target === null ? null : share >= target;
  const angle = Math.PI * (1 - Math.min(Math.max(share || 0, 0), 1));
  const arc = (a) => `${60 + 50 * Math.cos(a)} ${60 - 50 * Math.sin(a)}`;
  const nodes = [svgNode("path", { d: `M ${arc(Math.PI)} A 50 50 0 0 1 ${arc(0)}`, fill: "none", stroke: "#e3e8f0", "stroke-width": 12 })];
  if (share !== null && share !== undefined) {
    nodes.push(svgNode("path", { d: `M ${arc(Math.PI)} A 50 50 0 0 1 ${arc(angle)}`, fill: "none",
      stroke: verdict === false ? "#c8102e" : "#1a7f3c", "stroke-width": 12 }));
  }
  if (target !== null) {
    const a = Math.PI * (1 - target);
    nodes.push(svgNode("line", { x1: 60 + 40 * Math.cos(a), y1: 60 - 40 * Math.sin(a), x2: 60 + 62 * Math.cos(a), y2: 60 - 62 * Math.sin(a),
      stroke: "#1d2733", "stroke-width": 2 }));
  }
  return el("div", { class: `gauge${verdict === null ? "" : verdict ? " met" : " missed"}`, dataset: { testid: `gauge-${id}` } },
    svgNode("svg", { viewBox: "0 0 120 66", role: "img", "aria-label": `${label}: ${percent(share)}` }, nodes),
    el("div", { class: "g-value", dataset: { testid: "gauge-value" } }, percent(share)),
    el("div", { class: "g-label" }, label),
    target === null ? null : el("div", { class: "g-verdict" },
      t(verdict === null ? "rep.g.target" : verdict ? "rep.g.met" : "rep.g.missed", { p: number(target * 100) })),
    el("div", { class: "g-sub" }, sub));
}

function svgNode(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = value; else node.setAttribute(key, value);
  }
  for (const child of [children].flat()) if (child) node.append(child);
  return node;
}

/** Horizontal bars: [{label, value, target?}]; a bar past its target is red. */
function bars(title, testid, rows, format) {
  const width = 300;
  const rowHeight = 18;
  const labelWidth = 110;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value || 0, r.target || 0)));
  const scale = (v) => ((width - labelWidth - 40) * v) / max;
  const nodes = [];
  rows.forEach((row, i) => {
    const y = i * rowHeight;
    const over = row.target !== undefined && row.target !== null && row.value !== null && (row.lowerIsBetter ? row.value > row.target : row.value < row.target);
    nodes.push(svgNode("text", { x: 0, y: y + 12, text: row.label.length > 18 ? `${row.label.slice(0, 17)}…` : row.label }, svgNode("title", { text: row.label })));
    nodes.push(svgNode("rect", { class: `bar${over ? " over" : ""}`, x: labelWidth, y: y + 3, width: Math.max(0, scale(row.value || 0)), height: rowHeight - 6 }));
    nodes.push(svgNode("text", { x: labelWidth + scale(row.value || 0) + 4, y: y + 12, text: format(row.value) }));
    if (row.target !== undefined && row.target !== null) {
      nodes.push(svgNode("line", { class: "target", x1: labelWidth + scale(row.target), x2: labelWidth + scale(row.target), y1: y + 1, y2: y + rowHeight - 1 }));
    }
  });
  return el("div", { class: "chart", dataset: { testid: testid } }, el("h3", {}, title),
    svgNode("svg", { viewBox: `0 0 ${width} ${Math.max(rowHeight, rows.length * rowHeight)}`, role: "img", "aria-label": title }, nodes));
}

function fieldCharts(report) {
  const rows = report.figures.byField;
  const waitTarget = (code) => (report.targets.waitMinutes || {})[code] ?? report.targets.defaultWaitMinutes;
  return [
    bars(t("rep.c.wait"), "chart-field-wait", rows.map((f) => ({ label: fieldLabel(report, f.key),
      value: f.waitMeanSeconds === null ? null : f.waitMeanSeconds / 60, target: waitTarget(f.key), lowerIsBetter: true })), (v) => number(v, 1)),
    bars(t("rep.c.served"), "chart-field-served", rows.map((f) => ({ label: fieldLabel(report, f.key), value: f.served })), (v) => number(v)),
    bars(t("rep.c.satisfaction"), "chart-field-satisfaction", rows.map((f) => ({ label: fieldLabel(report, f.key),
      value: f.satisfactionRate === null ? null : f.satisfactionRate * 100, target: f.satisfactionTarget * 100 })), (v) => (v === null ? t("dash") : `${number(v, 1)} %`)),
  ];
}

function staffCharts(report) {
  const rows = report.figures.byStaff;
  if (!rows.length) return [];
  return [
    bars(t("rep.c.staffWait"), "chart-staff-wait", rows.map((f) => ({ label: staffLabel(report, f.key), value: f.waitMeanSeconds === null ? null : f.waitMeanSeconds / 60 })), (v) => number(v, 1)),
    bars(t("rep.c.staffServed"), "chart-staff-served", rows.map((f) => ({ label: staffLabel(report, f.key), value: f.served })), (v) => number(v)),
    bars(t("rep.c.staffSatisfaction"), "chart-staff-satisfaction", rows.map((f) => ({ label: staffLabel(report, f.key),
      value: f.satisfactionRate === null ? null : f.satisfactionRate * 100, target: f.satisfactionTarget * 100 })), (v) => (v === null ? t("dash") : `${number(v, 1)} %`)),
  ];
}

function figureRow(name, f, testid) {
  const missed = (met) => (met === false ? "missed" : undefined);
  return el("tr", { dataset: { key: f.key, testid } },
    el("td", {}, name), el("td", {}, number(f.issued)), el("td", {}, number(f.served)), el("td", {}, minutes(f.waitMeanSeconds)),
    el("td", {}, percent(f.withinTargetShare)), el("td", { class: missed(f.promisesOnTimeMet) }, percent(f.promisesOnTimeRate)),
    el("td", { class: missed(f.satisfactionMet) }, percent(f.satisfactionRate)));
}

function table(title, testid, rows) {
  return el("section", {}, el("h2", {}, title), el("table", { class: "rep-table", dataset: { testid } },
    el("thead", {}, el("tr", {}, ...["rep.t.name", "rep.t.issued", "rep.t.served", "rep.t.wait", "rep.t.within", "rep.t.onTime", "rep.t.satisfaction"]
      .map((key) => el("th", {}, t(key))))),
    el("tbody", {}, rows)));
}

function fieldTable(report) {
  const total = figureRow(t("rep.t.total"), report.figures.total, "row-total");
  return table(t("rep.t.fields"), "table-fields", [...report.figures.byField.map((f) => figureRow(fieldLabel(report, f.key), f, "row-field")), total]);
}

function staffTable(report) {
  return table(t("rep.t.staff"), "table-staff", report.figures.byStaff.map((f) => figureRow(staffLabel(report, f.key), f, "row-staff")));
}

// ---------- Start ----------

async function init() {
  applyI18n();
  document.title = t("rep.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => { document.title = t("rep.doc.title"); render(); });
  for (const button of document.querySelectorAll(".period-kinds .btn")) {
    button.addEventListener("click", () => { state.kind = button.dataset.kind; load(); });
  }
  $("report-date").addEventListener("change", (event) => {
    if (!event.target.value) return;
    state.date = event.target.value;
    load();
  });
  $("btn-csv").addEventListener("click", downloadCSV);
  $("btn-print").addEventListener("click", () => window.print());
  api("/api/v1/hall").then(({ data }) => { $("centre-name").textContent = data.centreName || "\u00a0"; }).catch(() => {});
  await auth.start();
}

init();
