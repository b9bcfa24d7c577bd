// The supervisor's dashboard: live waits per field against their targets (traffic lights), counters and
// staff, today's figures, alerts as they arrive (optionally with a beep), late dossiers with their apology
// letters, and three hand-drawn SVG charts. Everything comes from GET /api/v1/supervisor/overview, re-read
// (debounced) on every ticket or counter event of the live stream and every 30 s for the clock-driven waits.
import { api, LiveStream, StaffSignIn, clockText, shortTime, el, openPrintable } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, fieldName, formatNumber, formatPercent, stateName, errorText } from "/i18n.js";
import { FeedbackBoard } from "/supervisor-feedback.js";
import { showReplication } from "/supervisor-replication.js";

const SESSION_KEY = "khongcho.supervisor.session";
const SOUND_KEY = "khongcho.supervisor.sound";
const ROLES = ["supervisor", "admin"];
const REFETCH_DEBOUNCE_MS = 300;
const PERIODIC_MS = 30000;
const LIVE_ALERT_KEEP_MS = 30 * 60 * 1000;
const FRESH_MS = 15000; // a just-arrived alert blinks for this long
const SVG_NS = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

const state = {
  overview: null,
  liveAlerts: [], // [{alert, key, arrived}] from `event: alert`, newest first
  seenAlertKeys: new Set(),
  stream: null,
  timer: null,
  error: null,
};

// ---------- Formatting ----------

const number = formatNumber;
const percent = formatPercent;

function minutes(value, digits = 0) {
  if (value === null || value === undefined) return t("dash");
  return t("unit.minutes", { n: number(value, digits) });
}

/** "14:05 02/03" in Vietnam time: dossiers span days, so the date matters. */
function dateTime(value) {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return t("dash");
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
  return `${shortTime(date)} ${day}`;
}

function localized(item, vi, en) {
  if (!item) return "";
  return lang() === "en" ? item[en] || item[vi] || "" : item[vi] || item[en] || "";
}

// ---------- Session ----------

const auth = new StaffSignIn({ storageKey: SESSION_KEY, roles: ROLES, onEnter: enterDashboard, onSignedOut: leaveDashboard });
const call = (path, options) => auth.call(path, options);
const feedback = new FeedbackBoard({ call, user: () => auth.user, overview: () => state.overview });

function leaveDashboard() {
  state.overview = null;
  feedback.stop();
  if (state.stream) state.stream.stop();
  state.stream = null;
  clearInterval(state.timer);
  $("dash-view").hidden = true;
}

// ---------- Data ----------

let loadSeq = 0;

async function loadOverview() {
  const seq = ++loadSeq;
  try {
    const { data } = await call("/api/v1/supervisor/overview");
    if (seq !== loadSeq || !auth.session) return;
    state.overview = data;
    state.error = null;
  } catch (error) {
    if (seq !== loadSeq || !auth.session) return;
    state.error = error;
  }
  render();
}

let refetchTimer = null;
function refetchSoon() {
  clearTimeout(refetchTimer);
  refetchTimer = setTimeout(() => { loadOverview(); }, REFETCH_DEBOUNCE_MS);
}

async function enterDashboard() {
  $("dash-view").hidden = false;
  if (state.stream) state.stream.stop();
  state.stream = new LiveStream({
    load: async () => {
      const { data: hall } = await api("/api/v1/hall");
      $("centre-name").textContent = hall.centreName || "\u00a0";
      await loadOverview();
      return hall.lastEventId;
    },
    onEvent: () => refetchSoon(),
    onCounter: () => refetchSoon(),
    onAlert: (alert) => receiveAlert(alert),
    onStatus: (status) => { $("conn-badge").hidden = status === "online"; },
  });
  clearInterval(state.timer);
  state.timer = setInterval(() => {
    if (!auth.session) return;
    loadOverview();
    showReplication(call);
  }, PERIODIC_MS);
  showReplication(call);
  feedback.start();
  await state.stream.start();
}

// ---------- Alerts ----------

function alertKey(alert) {
  if (alert.id !== undefined && alert.id !== null) return `id:${alert.id}`;
  return `live:${alert.kind || alert.printer || ""}:${alert.at || ""}:${alert.message || ""}`;
}

function receiveAlert(alert) {
  if (!alert || typeof alert !== "object") return;
  const key = alertKey(alert);
  const known = state.seenAlertKeys.has(key);
  state.liveAlerts = [{ alert, key, arrived: Date.now() }, ...state.liveAlerts.filter((a) => a.key !== key)].slice(0, 50);
  state.seenAlertKeys.add(key);
  if (!known && $("sound").checked) beep();
  if (alert.kind === "feedback-overdue") feedback.load();
  renderAlerts();
}

/** The overview's current alerts, plus live ones it does not (yet) list, newest first. */
function mergedAlerts() {
  const server = (state.overview && state.overview.alerts) || [];
  const keys = new Set(server.map(alertKey));
  const now = Date.now();
  const live = state.liveAlerts
    .filter((a) => !keys.has(a.key) && now - a.arrived < LIVE_ALERT_KEEP_MS)
    .map((a) => a.alert);
  const all = [...server, ...live];
  all.sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
  return all;
}

let audio = null;
/** Three short 1 kHz beeps with WebAudio (no sound file); needs the page to have been touched once. */
function beep() {
  const Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  if (!audio) audio = new Ctx();
  if (audio.state !== "running") audio.resume().catch(() => {});
  const start = audio.currentTime + 0.02;
  for (let i = 0; i < 3; i += 1) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = "square";
    osc.frequency.value = 1000;
    const at = start + i * 0.25;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + 0.16);
  }
}

// ---------- Rendering ----------

function fieldByCode(code) {
  const fields = (state.overview && state.overview.fields) || [];
  return fields.find((f) => f.code === code) || null;
}

function render() {
  const box = $("dash-error");
  box.hidden = !state.error;
  if (state.error) box.textContent = errorText(state.error);
  const data = state.overview;
  if (!data) return;
  $("updated").textContent = data.generatedAt ? t("sup.updated", { t: clockText(new Date(data.generatedAt)) }) : "";
  renderKpis(data.today || {});
  renderFields(data.fields || []);
  renderCounters(data.counters || []);
  renderAlerts();
  renderLate(data.lateDossiers || []);
  if (!$("feedback-panel").contains(document.activeElement)) feedback.render(); // the officers come from the overview
  renderCharts(data);
}

function kpi(id, label, value, sub, tone) {
  return el("div", { class: `kpi${tone ? ` tone-${tone}` : ""}`, dataset: { testid: `kpi-${id}` } },
    el("div", { class: "kpi-label", text: label }),
    el("div", { class: "kpi-value num", text: value }),
    sub ? el("div", { class: "kpi-sub", text: sub }) : null);
}

function renderKpis(today) {
  const satisfactionTone = today.satisfactionShare == null || today.satisfactionTarget == null ? null
    : today.satisfactionShare >= today.satisfactionTarget ? "good" : "bad";
  const promiseTone = !today.promisesDue ? null : today.promisesLate > 0 ? "bad" : "good";
  $("kpis").replaceChildren(
    kpi("issued", t("sup.k.issued"), number(today.issued)),
    kpi("served", t("sup.k.served"), number(today.served)),
    kpi("waiting", t("sup.k.waiting"), number(today.waiting)),
    kpi("noshows", t("sup.k.noshows"), number(today.noShows)),
    kpi("meanwait", t("sup.k.meanwait"), minutes(today.meanWaitMinutes, 1)),
    kpi("within", t("sup.k.within"), percent(today.withinTargetShare)),
    kpi("satisfaction", t("sup.k.satisfaction"), percent(today.satisfactionShare),
      t("sup.k.satisfaction.sub", { n: number(today.ratings), p: percent(today.satisfactionTarget) }), satisfactionTone),
    kpi("promises", t("sup.k.promises"), today.promisesDue ? percent(today.promisesOnTime / today.promisesDue) : t("dash"),
      t("sup.k.promises.sub", { ok: number(today.promisesOnTime), due: number(today.promisesDue), late: number(today.promisesLate) }), promiseTone));
}

function light(status) {
  const known = ["green", "amber", "red"].includes(status) ? status : "unknown";
  return el("span", { class: `light light-${known}`, dataset: { status: known }, title: known === "unknown" ? "" : t(`sup.status.${known}`) },
    el("i", { class: "lamp red" }), el("i", { class: "lamp amber" }), el("i", { class: "lamp green" }));
}

function renderFields(fields) {
  $("fields-body").replaceChildren(...fields.map((f) => {
    const over = f.targetMinutes != null && f.longestWaitMinutes != null && f.longestWaitMinutes > f.targetMinutes;
    const estimateOver = f.targetMinutes != null && f.estimatedWaitMinutes != null && f.estimatedWaitMinutes > f.targetMinutes;
    return el("tr", { class: `field-row status-${f.status || "unknown"}`, dataset: { field: f.code, status: f.status || "" } },
      el("td", { class: "f-name" }, el("div", { class: "f-cell" }, light(f.status),
        el("span", { class: "prefix num", text: f.prefix || "" }),
        el("span", { class: "f-title" }, el("b", { text: fieldName(f) || f.code }),
          el("small", { text: t(`sup.status.${["green", "amber", "red"].includes(f.status) ? f.status : "green"}`) })))),
      el("td", { class: "r num big f-waiting", text: number(f.waiting) }),
      el("td", { class: `r num f-longest${over ? " over" : ""}`, text: minutes(f.longestWaitMinutes) }),
      el("td", { class: `r num f-estimate${estimateOver ? " over" : ""}`, text: minutes(f.estimatedWaitMinutes) }),
      el("td", { class: "r num f-target", text: minutes(f.targetMinutes) }),
      el("td", { class: "r num f-open", text: number(f.openCounters) }),
      el("td", { class: "r num f-today", text: `${number(f.issuedToday)} / ${number(f.servedToday)}` }),
      el("td", { class: "r num f-mean", text: minutes(f.meanWaitMinutes, 1) }));
  }));
}

function renderCounters(counters) {
  $("counters-body").replaceChildren(...counters.map((c) => {
    const current = c.current;
    let status;
    if (c.paused) status = el("span", { class: "chip paused", text: t("sup.c.paused") });
    else if (current) status = el("span", { class: "chip state-serving", text: t("sup.c.busy") });
    else if (c.idleMinutes != null) status = el("span", { class: `chip idle${c.idleMinutes >= 5 ? " long" : ""}`, text: t("sup.c.idle", { n: number(c.idleMinutes) }) });
    else status = el("span", { class: "muted", text: t("dash") });
    const names = (c.fields || []).map((code) => fieldName(fieldByCode(code)) || code).join(", ");
    return el("tr", { dataset: { counter: c.number } },
      el("td", { class: "c-name" }, el("b", { text: lang() === "en" || !c.name ? t("counter.name", { n: c.number }) : c.name }), el("small", { text: names })),
      el("td", { class: c.staff ? "c-staff" : "c-staff muted" }, c.staff || t("sup.c.nostaff"),
        (c.assigned || []).length ? el("small", { class: "c-assigned", dataset: { testid: "assigned" } },
          t("sup.c.assigned", { u: c.assigned.map((o) => o.displayName || o.username).join(", ") })) : null),
      el("td", { class: "c-current" }, current
        ? [el("span", { class: "ticket num", text: current.label || current.number || "" }), " ",
          el("span", { class: `chip state-${current.state}`, text: stateName(current.state) }), " ",
          el("small", { class: "muted", text: current.since ? t("sup.c.since", { t: shortTime(current.since) }) : "" })]
        : el("span", { class: "muted", text: t("dash") })),
      el("td", { class: "c-status" }, status),
      el("td", { class: "c-actions" }, counterActions(c, counters)));
  }));
}

/** Open or close the counter, and move an officer from another counter here (the supervisor's live actions). */
function counterActions(c, counters) {
  const others = counters.filter((o) => o.number !== c.number)
    .flatMap((o) => (o.assigned || []).map((officer) => ({ ...officer, from: o.number })));
  state.moveChoice = state.moveChoice || {};
  const chosen = state.moveChoice[c.number] || "";
  const select = el("select", { dataset: { testid: "move-officer" }, "aria-label": t("sup.c.moveHere"),
    onchange: (event) => { state.moveChoice[c.number] = event.target.value; } },
    el("option", { value: "" }, t("sup.c.moveHere")),
    ...others.map((o) => el("option", { value: o.username, selected: o.username === chosen },
      t("sup.c.moveFrom", { u: o.displayName || o.username, n: o.from }))));
  return [
    el("button", { type: "button", class: "btn small", dataset: { testid: "toggle-counter" },
      onclick: () => counterAction(`/api/v1/counters/${c.number}/pause`, { paused: !c.paused }) },
      t(c.paused ? "sup.c.open" : "sup.c.close")),
    " ", select, " ",
    el("button", { type: "button", class: "btn small", dataset: { testid: "move-officer-go" },
      onclick: () => {
        const username = state.moveChoice[c.number];
        if (username) counterAction(`/api/v1/counters/${c.number}/officer`, { username }).then(() => { state.moveChoice[c.number] = ""; });
      } }, t("sup.c.move")),
  ];
}

async function counterAction(path, body) {
  try {
    await call(path, { method: "POST", body });
    state.error = null;
  } catch (error) {
    if (error.status !== 401) state.error = error;
  }
  await loadOverview();
}

function alertTitle(alert) {
  if (alert.kind && ["predicted-wait", "ticket-over-target", "idle-counter", "promise-at-risk"].includes(alert.kind)) return t(`sup.alert.${alert.kind}`);
  if (alert.kind === "feedback-overdue") return t("supervisor.feedback.alert");
  if (alert.printer) return `${t("sup.alert.device")}: ${alert.printer}`;
  return t("sup.alert.device");
}

function renderAlerts() {
  const alerts = mergedAlerts();
  $("alerts").replaceChildren(...alerts.map((a) => {
    const where = [a.field ? fieldName(fieldByCode(a.field)) || a.field : null, a.counter != null ? t("counter.name", { n: a.counter }) : null]
      .filter(Boolean).join(" · ");
    const live = state.liveAlerts.find((l) => l.key === alertKey(a));
    const fresh = live && Date.now() - live.arrived < FRESH_MS;
    return el("li", { class: `alert kind-${a.kind || "device"}${fresh ? " fresh" : ""}`, dataset: { kind: a.kind || "device", id: a.id ?? "" } },
      el("div", { class: "alert-head" },
        el("b", { text: alertTitle(a) }),
        el("span", { class: "alert-time num", text: a.at ? shortTime(a.at) : "" })),
      el("div", { class: "alert-text", text: localized(a, "message", "messageEn") }),
      where ? el("div", { class: "alert-where", text: where }) : null);
  }));
  $("alerts-none").hidden = alerts.length > 0;
  $("alert-count").textContent = String(alerts.length);
  $("alert-count").classList.toggle("hot", alerts.length > 0);
}

function renderLate(dossiers) {
  $("late-body").replaceChildren(...dossiers.map((d) => el("tr", { dataset: { dossier: d.id } },
    el("td", { class: "num ticket", text: d.ticket || t("dash") }),
    el("td", {}, el("span", { text: d.procedureName || d.procedure }), el("small", { class: "muted code", text: d.procedure })),
    el("td", { class: "num", text: dateTime(d.receivedAt) }),
    el("td", { class: "num late", text: dateTime(d.promisedAt) }),
    el("td", {}, el("button", {
      class: "btn small", type: "button", dataset: { testid: "apology", dossier: d.id },
    }, t("sup.late.apology"))))));
  $("late-none").hidden = dossiers.length > 0;
  $("late-body").closest("table").hidden = dossiers.length === 0;
}

/** The printable apology letter in a new tab (token in the header, never in the URL). */
function openApology(id) {
  return openPrintable(`/api/v1/dossiers/${encodeURIComponent(id)}/apology`, auth.token, t("sup.late.apology"));
}

// ---------- Charts (hand-drawn SVG) ----------

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** A round axis maximum and its step: 0, step, 2·step… ≥ value. */
function niceScale(value, ticks = 4) {
  const raw = Math.max(value, 1) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || raw;
  return { max: step * ticks, step };
}

const W = 640;
const H = 270;
const PAD = { left: 48, right: 16, top: 26, bottom: 36 };

function axes(max, step, unit) {
  const nodes = [];
  const plotH = H - PAD.top - PAD.bottom;
  for (let v = 0; v <= max + 1e-9; v += step) {
    const y = PAD.top + plotH - (v / max) * plotH;
    nodes.push(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: v === 0 ? "axis" : "grid" }));
    nodes.push(svg("text", { x: PAD.left - 8, y: y + 5, "text-anchor": "end", class: "tick", text: number(v, 1) }));
  }
  if (unit) nodes.push(svg("text", { x: PAD.left - 8, y: PAD.top - 12, "text-anchor": "end", class: "tick", text: unit }));
  return nodes;
}

function emptyChart(host) {
  host.replaceChildren(el("p", { class: "empty", text: t("sup.chart.nodata") }));
}

/** The target the hourly chart draws: the target most fields share (ties: the smallest). */
function commonTarget(fields) {
  const counts = new Map();
  for (const f of fields) if (f.targetMinutes != null) counts.set(f.targetMinutes, (counts.get(f.targetMinutes) || 0) + 1);
  let best = null;
  for (const [target, count] of counts) {
    if (best === null || count > counts.get(best) || (count === counts.get(best) && target < best)) best = target;
  }
  return best;
}

function renderHourly(host, hourly, target) {
  if (!hourly.length) { emptyChart(host); return; }
  const hours = [...hourly].sort((a, b) => a.hour - b.hour);
  const top = Math.max(...hours.map((h) => h.meanWaitMinutes || 0), target ? target * 1.2 : 0);
  const { max, step } = niceScale(top);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / hours.length;
  const barW = Math.min(44, slot * 0.6);
  const nodes = axes(max, step, t("sup.chart.minutes"));
  hours.forEach((h, i) => {
    const value = h.meanWaitMinutes || 0;
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const height = (value / max) * plotH;
    const over = target != null && value > target;
    nodes.push(svg("rect", { x, y: PAD.top + plotH - height, width: barW, height, rx: 3, class: over ? "bar over" : "bar wait" },
      svg("title", { text: `${h.hour}h: ${minutes(value, 1)} · ${t("sup.chart.issued")} ${number(h.issued)}` })));
    if (h.meanWaitMinutes != null) nodes.push(svg("text", { x: x + barW / 2, y: PAD.top + plotH - height - 6, "text-anchor": "middle", class: "value", text: number(value, 1) }));
    nodes.push(svg("text", { x: x + barW / 2, y: H - PAD.bottom + 20, "text-anchor": "middle", class: "label", text: `${h.hour}h` }));
  });
  if (target != null) {
    const y = PAD.top + plotH - (target / max) * plotH;
    nodes.push(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "target" }));
    nodes.push(svg("text", { x: W - PAD.right, y: y - 6, "text-anchor": "end", class: "target-label", text: t("sup.chart.target", { n: number(target) }) }));
  }
  host.replaceChildren(svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("sup.chart.hourly") }, nodes));
}

function renderByField(host, fields) {
  if (!fields.length) { emptyChart(host); return; }
  const top = Math.max(...fields.map((f) => Math.max(f.issuedToday || 0, f.servedToday || 0)), 1);
  const { max, step } = niceScale(top);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / fields.length;
  const barW = Math.min(30, slot * 0.34);
  const nodes = axes(max, step, null);
  fields.forEach((f, i) => {
    const center = PAD.left + slot * i + slot / 2;
    [["issuedToday", "issued", -1], ["servedToday", "served", 0]].forEach(([key, cls, offset]) => {
      const value = f[key] || 0;
      const height = (value / max) * plotH;
      const x = center + offset * barW + (offset === 0 ? 1 : -1);
      nodes.push(svg("rect", { x, y: PAD.top + plotH - height, width: barW, height, rx: 3, class: `bar ${cls}` },
        svg("title", { text: `${fieldName(f)}: ${t(`sup.chart.${cls}`)} ${number(value)}` })));
      nodes.push(svg("text", { x: x + barW / 2, y: PAD.top + plotH - height - 6, "text-anchor": "middle", class: "value", text: number(value) }));
    });
    const name = fieldName(f) || f.code;
    const short = fields.length > 4 && name.length > 11 ? `${name.slice(0, 10)}…` : name;
    nodes.push(svg("text", { x: center, y: H - PAD.bottom + 20, "text-anchor": "middle", class: "label", text: short }, svg("title", { text: name })));
  });
  const legendY = 14;
  nodes.push(svg("rect", { x: W - 250, y: legendY - 10, width: 12, height: 12, class: "legend-key issued" }));
  nodes.push(svg("text", { x: W - 232, y: legendY, class: "legend", text: t("sup.chart.issued") }));
  nodes.push(svg("rect", { x: W - 130, y: legendY - 10, width: 12, height: 12, class: "legend-key served" }));
  nodes.push(svg("text", { x: W - 112, y: legendY, class: "legend", text: t("sup.chart.served") }));
  host.replaceChildren(svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("sup.chart.byfield") }, nodes));
}

function renderSatisfaction(host, counts, today) {
  const levels = [1, 2, 3, 4].map((level) => ({ level, count: Number((counts || {})[level] || (counts || {})[String(level)] || 0) }));
  const total = levels.reduce((sum, l) => sum + l.count, 0);
  if (!total) { emptyChart(host); return; }
  const labelW = 170;
  const barMax = W - labelW - 130;
  const rowH = (H - 70) / 4;
  const most = Math.max(...levels.map((l) => l.count));
  const nodes = [];
  levels.forEach((l, i) => {
    const y = 12 + i * rowH;
    const width = (l.count / most) * barMax;
    nodes.push(svg("text", { x: labelW - 12, y: y + rowH / 2 + 2, "text-anchor": "end", class: "label big", text: `${l.level} · ${t(`rating.${l.level}`)}` }));
    nodes.push(svg("rect", { x: labelW, y: y + 8, width: Math.max(width, 2), height: rowH - 16, rx: 4, class: `bar level-${l.level}` }));
    nodes.push(svg("text", { x: labelW + Math.max(width, 2) + 10, y: y + rowH / 2 + 2, class: "value big",
      text: `${number(l.count)} · ${number((l.count / total) * 100, 0)} %` }));
  });
  const share = today && today.satisfactionShare != null ? today.satisfactionShare : (levels[0].count + levels[1].count) / total;
  const target = today ? today.satisfactionTarget : null;
  const ok = target == null || share >= target;
  nodes.push(svg("text", { x: labelW, y: H - 18, class: `summary ${ok ? "ok" : "bad"}`,
    text: `${t("sup.k.satisfaction")}: ${percent(share)}${target != null ? ` · ${t("sup.f.target").toLowerCase()} ${percent(target)}` : ""}` }));
  host.replaceChildren(svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("sup.chart.satisfaction") }, nodes));
}

function renderCharts(data) {
  const fields = data.fields || [];
  renderHourly($("chart-hourly"), data.hourly || [], commonTarget(fields));
  renderByField($("chart-fields"), fields);
  renderSatisfaction($("chart-satisfaction"), data.satisfaction, data.today);
}

// ---------- Start ----------

async function init() {
  applyI18n();
  document.title = t("sup.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => {
    document.title = t("sup.doc.title");
    if (auth.session) render();
  });
  const sound = $("sound");
  try { sound.checked = localStorage.getItem(SOUND_KEY) === "on"; } catch (_) { /* storage disabled */ }
  sound.addEventListener("change", () => {
    try { localStorage.setItem(SOUND_KEY, sound.checked ? "on" : "off"); } catch (_) { /* storage disabled */ }
    if (sound.checked) beep(); // the click is the gesture that lets the page play sound later
  });
  $("late-body").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-dossier]");
    if (button) openApology(button.dataset.dossier);
  });
  api("/api/v1/hall").then(({ data }) => { $("centre-name").textContent = data.centreName || "\u00a0"; }).catch(() => {});

  await auth.start();
}

init();
