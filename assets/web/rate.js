// The citizen-facing rating tablet at one counter (/rate/{counter}): four big faces, one tap = one rating
// (POST /api/v1/ratings), then a full-screen thank-you for 4 s during which taps are ignored, so a double
// tap counts once. After a "không hài lòng" (here, or on the counter's keypad, heard on the live stream) one
// question first asks why (rate-reason.js). Shows which ticket the counter is serving, live from the hall's events.
import { api, LiveStream, el } from "/common.js";
import { t, applyI18n, bindLangSwitch, onLangChange, errorText } from "/i18n.js";
import { askReason, alreadyAsked, bindReason, renderReasons } from "/rate-reason.js";

const THANKS_MS = 4000;
const ERROR_MS = 6000;
const SVG_NS = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

/** The counter number from /rate/{counter} (or ?counter= when opened as a plain file). */
function counterFromLocation() {
  const match = location.pathname.match(/\/rate\/(\d+)\/?$/);
  const text = match ? match[1] : new URLSearchParams(location.search).get("counter");
  const number = Number(text);
  return Number.isInteger(number) && number > 0 ? number : null;
}

const state = {
  counter: counterFromLocation(),
  current: null, // the ticket at the counter (called or serving)
  appliedThrough: 0,
  locked: false, // true from the tap until the thank-you has gone
  sending: false, // true while the tablet's own rating is on its way (its echo on the stream may come first)
  error: null,
  errorTimer: null,
};

// A face drawn in SVG (no emoji font needed): mouth curvature from a big smile (1) to a frown (4).
const MOUTHS = { 1: "M7 14.2 Q12 19.6 17 14.2", 2: "M7.6 14.8 Q12 17.6 16.4 14.8", 3: "M8 15.6 L16 15.6", 4: "M7.6 17 Q12 13.2 16.4 17" };

function face(level) {
  const make = (tag, attrs) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const svg = make("svg", { viewBox: "0 0 24 24", class: "face", "aria-hidden": "true" });
  svg.append(
    make("circle", { cx: 12, cy: 12, r: 10.5, class: "face-bg" }),
    make("circle", { cx: 8.6, cy: 9.6, r: 1.35, class: "face-eye" }),
    make("circle", { cx: 15.4, cy: 9.6, r: 1.35, class: "face-eye" }),
    make("path", { d: MOUTHS[level], class: "face-mouth" }));
  return svg;
}

function renderButtons() {
  $("rate-buttons").replaceChildren(...[1, 2, 3, 4].map((level) => el("button", {
    type: "button", class: `rate-btn level-${level}`, dataset: { level, testid: `rate-${level}` },
    onclick: () => rate(level),
  }, face(level), el("span", { class: "rate-label", text: t(`rating.${level}`) }))));
}

function renderHead() {
  $("rate-counter").textContent = state.counter ? t("counter.name", { n: state.counter }) : t("rate.nocounter");
  document.title = state.counter ? t("rate.doc.title", { n: state.counter }) : t("rate.nocounter");
  $("rate-serving").hidden = !state.current;
  $("rate-ticket").textContent = state.current ? state.current.number : "";
}

function renderError() {
  const box = $("rate-error");
  box.hidden = !state.error;
  if (state.error) box.textContent = errorText(state.error);
}

async function rate(level) {
  if (state.locked || !state.counter) return;
  state.locked = true; // synchronously, before any await: the second tap of a double tap stops here
  state.sending = true;
  document.body.classList.add("sending");
  try {
    const { data } = await api("/api/v1/ratings", { method: "POST", body: { counter: state.counter, level } });
    state.sending = false;
    document.body.classList.remove("sending");
    showError(null);
    const id = data && data.rating && data.rating.id;
    // "Không hài lòng": why, first (nobody answering skips the thank-you too: the citizen has gone).
    if (level === 4 && id != null && !(await askReason(id))) return;
    await thank();
  } catch (error) {
    showError(error);
  } finally {
    state.sending = false;
    document.body.classList.remove("sending");
    state.locked = false;
  }
}

async function thank() {
  $("thanks").hidden = false;
  await new Promise((resolve) => setTimeout(resolve, THANKS_MS));
  $("thanks").hidden = true;
}

/**
 * A rating heard on the live stream: a "không hài lòng" at this counter (pressed on its keypad) asks why here too.
 * The tablet's own tap comes back this way as well, possibly before its answer: then it opens the question that
 * rate() is about to wait for. A rating arriving while the tablet thanks someone else is left alone.
 */
async function heardRating(rating) {
  if (!rating || rating.counter !== state.counter || rating.level !== 4 || rating.id == null) return;
  if (alreadyAsked(rating.id)) return;
  if (state.sending) { askReason(rating.id); return; }
  if (state.locked) return;
  state.locked = true;
  try {
    if (await askReason(rating.id)) await thank();
  } finally {
    state.locked = false;
  }
}

function showError(error) {
  state.error = error;
  clearTimeout(state.errorTimer);
  if (error) state.errorTimer = setTimeout(() => showError(null), ERROR_MS);
  renderError();
}

// ---------- Live: the ticket at this counter ----------

async function loadHall() {
  const { data } = await api("/api/v1/hall");
  $("centre-name").textContent = data.centreName || "\u00a0";
  const counter = (data.counters || []).find((c) => c.number === state.counter);
  state.current = counter && counter.current ? counter.current : null;
  state.appliedThrough = data.lastEventId || 0;
  renderHead();
  return data.lastEventId;
}

function applyEvent(event) {
  if (!event || event.id <= state.appliedThrough) return;
  state.appliedThrough = event.id;
  const ticket = event.ticket || {};
  const here = (ticket.counter ?? event.counter) === state.counter;
  const atCounter = ticket.state === "called" || ticket.state === "serving";
  if (here && atCounter) state.current = ticket;
  else if (state.current && state.current.id === ticket.id) state.current = null;
  renderHead();
}

function init() {
  applyI18n();
  bindLangSwitch($("lang-switch"));
  renderButtons();
  renderReasons();
  bindReason();
  renderHead();
  onLangChange(() => { renderButtons(); renderReasons(); renderHead(); renderError(); });
  if (!state.counter) {
    for (const button of document.querySelectorAll(".rate-btn")) button.disabled = true;
    return;
  }
  const stream = new LiveStream({
    load: loadHall,
    onEvent: applyEvent,
    onCounter: () => { loadHall().catch(() => {}); },
    onRating: heardRating,
    onStatus: (status) => { $("conn-badge").hidden = status === "online"; },
  });
  stream.start();
}

init();
