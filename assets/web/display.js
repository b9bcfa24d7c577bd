// The hall TV: who is called to which counter, the last calls, and how many wait per field. Live from the
// event stream; reloads /api/v1/hall whenever the stream reconnects, so a server restart heals by itself.
import { api, LiveStream, Chime, clockText, dateText, shortTime, el } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, fieldName } from "/i18n.js";
import { VoiceAnnouncer } from "/voice.js";

const HISTORY_LENGTH = 8;
const $ = (id) => document.getElementById(id);

const state = {
  centreName: "",
  identity: { footer: "", announcement: "" },
  logo: null,
  fields: [],
  counters: [],
  recentCalls: [],
  appliedThrough: 0, // the last event id reflected in the state above
};
const chime = new Chime();
const voice = new VoiceAnnouncer(chime); // chime, then the spoken call (voice.js), one call at a time

// ---------- State ----------

async function loadHall({ periodic = false } = {}) {
  const { data } = await api("/api/v1/hall");
  // A periodic re-read that raced with live events would roll the screen back: keep the newer state.
  if (periodic && (data.lastEventId || 0) < state.appliedThrough) return state.appliedThrough;
  state.centreName = data.centreName || "";
  state.identity = data.identity || { footer: "", announcement: "" };
  state.logo = data.logo || null;
  // The hall's clock (the training clock included), not the TV's: kept as an offset from this machine's time.
  const serverNow = Date.parse(data.now);
  if (!Number.isNaN(serverNow)) state.clockOffset = serverNow - Date.now();
  state.fields = data.fields || [];
  state.counters = (data.counters || []).map((c) => ({ ...c, current: c.current || null }));
  state.recentCalls = (data.recentCalls || []).slice(0, HISTORY_LENGTH);
  state.appliedThrough = data.lastEventId || 0;
  render();
  return data.lastEventId;
}

function counterByNumber(number) {
  return state.counters.find((c) => c.number === number);
}

function applyEvent(event) {
  if (event.id <= state.appliedThrough) return;
  state.appliedThrough = event.id;
  const ticket = event.ticket || {};
  const atCounter = ticket.state === "called" || ticket.state === "serving";
  for (const counter of state.counters) {
    if (counter.current && counter.current.id === ticket.id && !(atCounter && ticket.counter === counter.number)) counter.current = null;
  }
  if (atCounter) {
    const counter = counterByNumber(ticket.counter ?? event.counter);
    if (counter) counter.current = ticket;
  }
  if (event.waiting) {
    for (const field of state.fields) if (typeof event.waiting[field.code] === "number") field.waiting = event.waiting[field.code];
  }
  if ((event.kind === "called" || event.kind === "recalled") && (event.counter ?? ticket.counter) != null) {
    state.recentCalls.unshift({ eventId: event.id, number: ticket.number, counter: event.counter ?? ticket.counter, at: event.at });
    state.recentCalls = state.recentCalls.slice(0, HISTORY_LENGTH);
    render(true);
    voice.announce({ label: ticket.number, counter: event.counter ?? ticket.counter, recall: event.kind === "recalled" });
    return;
  }
  render(false);
}

// ---------- Rendering ----------

function render(newCall = false) {
  $("centre-name").textContent = state.centreName || "\u00a0";
  renderIdentity();
  renderCounters(newCall);
  renderNowCalling(newCall);
  renderHistory();
  renderWaiting();
}

/** The hall's logo in place of the emblem, and the ticker: the admin's announcement and footer, else the built-in line. */
function renderIdentity() {
  const logo = $("hall-logo");
  if (state.logo && logo.getAttribute("src") !== state.logo) logo.src = state.logo;
  logo.hidden = !state.logo;
  $("emblem").hidden = Boolean(state.logo);
  const { announcement, footer } = state.identity;
  const line = [announcement, footer].filter(Boolean).join(" · ");
  const ticker = $("ticker-text");
  const text = line || t("display.footer");
  if (ticker.textContent !== text) ticker.textContent = text;
}

function fieldNames(codes) {
  return (codes || []).map((code) => fieldName(state.fields.find((f) => f.code === code)) || code).join(" · ");
}

function renderCounters(newCall) {
  const grid = $("counter-grid");
  const count = state.counters.length;
  grid.style.setProperty("--cols", count <= 4 ? 2 : count <= 9 ? 3 : 4);
  grid.style.setProperty("--rows", Math.max(1, Math.ceil(count / (count <= 4 ? 2 : count <= 9 ? 3 : 4))));
  const latest = state.recentCalls[0];
  const existing = new Map([...grid.children].map((node) => [Number(node.dataset.counter), node]));
  const wanted = new Set(state.counters.map((c) => c.number));
  for (const [number, node] of existing) if (!wanted.has(number)) node.remove();
  state.counters.forEach((counter, index) => {
    let cell = existing.get(counter.number);
    if (!cell) {
      cell = el("div", { class: "counter-cell", dataset: { counter: counter.number, testid: `counter-${counter.number}` } },
        el("div", { class: "counter-head" },
          el("span", { class: "counter-label" }),
          el("span", { class: "counter-fields" })),
        el("div", { class: "counter-number num", dataset: { testid: `counter-number-${counter.number}` } }),
        el("div", { class: "counter-status" }));
    }
    if (grid.children[index] !== cell) grid.insertBefore(cell, grid.children[index] || null);
    const current = counter.current;
    cell.querySelector(".counter-label").textContent = `${t("display.counter")} ${counter.number}`;
    cell.querySelector(".counter-fields").textContent = fieldNames(counter.fields);
    cell.querySelector(".counter-number").textContent = current ? current.number : t("dash");
    const status = counter.paused && !current ? t("display.paused")
      : !current ? t("display.free")
      : current.state === "serving" ? t("display.serving") : t("display.called");
    cell.querySelector(".counter-status").textContent = status;
    cell.classList.toggle("paused", counter.paused && !current);
    cell.classList.toggle("idle", !current);
    cell.classList.toggle("serving", !!current && current.state === "serving");
    cell.classList.toggle("called", !!current && current.state === "called");
    const isLatest = !!latest && !!current && latest.counter === counter.number && latest.number === current.number;
    cell.classList.toggle("latest", isLatest);
    if (isLatest && newCall) {
      cell.classList.remove("flash");
      void cell.offsetWidth; // restart the animation
      cell.classList.add("flash");
    }
  });
}

function renderNowCalling(newCall) {
  const latest = state.recentCalls[0];
  $("now-number").textContent = latest ? latest.number : "";
  $("now-counter").textContent = latest ? String(latest.counter) : "";
  $("now-calling").classList.toggle("empty", !latest);
  $("now-empty").hidden = !!latest;
  if (newCall) {
    const box = $("now-calling");
    box.classList.remove("flash");
    void box.offsetWidth;
    box.classList.add("flash");
  }
}

function renderHistory() {
  const list = $("history");
  list.replaceChildren(...state.recentCalls.slice(0, HISTORY_LENGTH).map((call, index) =>
    el("li", { class: index === 0 ? "newest" : undefined, dataset: { eventId: call.eventId } },
      el("span", { class: "h-number num", text: call.number }),
      el("span", { class: "h-arrow", text: "→" }),
      el("span", { class: "h-counter", text: t("counter.name", { n: call.counter }) }),
      el("span", { class: "h-time num", text: shortTime(call.at) }))));
  $("history-empty").hidden = state.recentCalls.length > 0;
}

function renderWaiting() {
  const list = $("waiting-list");
  list.replaceChildren(...state.fields.map((field) =>
    el("div", { class: `waiting-item${field.waiting > 0 ? "" : " zero"}`, dataset: { field: field.code } },
      el("span", { class: "w-prefix num", text: field.prefix }),
      el("span", { class: "w-name", text: fieldName(field) }),
      el("span", { class: "w-count num", text: String(field.waiting) }),
      el("span", { class: "w-estimate", text: field.waiting > 0 && field.estimatedWaitMinutes > 0
        ? t("display.estimate", { n: field.estimatedWaitMinutes }) : "" }))));
}

/** A citizen rated at a counter: thank them on the hall screen for 4 s. */
function showThanks(counter) {
  const toast = $("thanks-toast");
  toast.textContent = t("display.thanks", { n: counter });
  toast.hidden = false;
  clearTimeout(showThanks.timer);
  showThanks.timer = setTimeout(() => { toast.hidden = true; }, 4000);
}

function tickClock() {
  const now = new Date(Date.now() + (state.clockOffset || 0));
  $("clock").textContent = clockText(now);
  $("date").textContent = dateText(lang(), now);
  setTimeout(tickClock, 1000 - (Date.now() % 1000) + 5);
}

// ---------- Start ----------

function init() {
  applyI18n();
  document.title = t("display.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => { document.title = t("display.doc.title"); render(false); tickClock(); });
  tickClock();

  // Browsers keep audio off until a first touch; a hall TV should run Chromium with
  // --autoplay-policy=no-user-gesture-required, otherwise one tap on the hint turns the chime on.
  const hint = $("sound-hint");
  // With the voice on, its own "Enable sound" button (voice.js) replaces this hint.
  const refreshHint = () => { hint.hidden = !chime.blocked || voice.needsClick; };
  const unlock = () => chime.unlock().then(refreshHint);
  document.addEventListener("pointerdown", unlock);
  hint.addEventListener("click", unlock);
  setTimeout(refreshHint, 1500);
  voice.attach({ enable: $("voice-enable"), toggle: $("voice-toggle"), onChange: refreshHint });

  const stream = new LiveStream({
    load: () => loadHall(),
    onEvent: applyEvent,
    onCounter: () => { loadHall({ periodic: true }).catch(() => {}); },
    onRating: (rating) => showThanks(rating.counter),
    onHall: () => { loadHall().catch(() => {}); },
    onStatus: (status) => {
      $("conn-badge").hidden = status === "online";
      document.body.classList.toggle("stale", status !== "online");
    },
  });
  stream.start();
  // A safety net besides the live `counter` notices: re-read the hall now and then.
  setInterval(() => { if (stream.online) loadHall({ periodic: true }).catch(() => {}); }, 20000);
}

init();
