// A citizen's phone: one ticket's number, state, people ahead and estimated wait; a prominent call message.
import { api, LiveStream, Chime, throttle, shortTime, el, stampText } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, fieldName, priorityName, stateName, errorText } from "/i18n.js";
import { TicketSMS } from "/ticket-sms.js";

const FINAL = new Set(["done", "no-show", "cancelled"]);
// "Your turn is near": at most this many people ahead, i.e. the citizen's number comes within the next 3 calls.
const NEAR_AHEAD = 2;
const $ = (id) => document.getElementById(id);
const token = decodeURIComponent((location.pathname.split("/t/")[1] || "").split("/")[0]);

const state = { status: null, error: null };
const chime = new Chime();
const sms = new TicketSMS(token);
let stream = null;

async function fetchStatus() {
  try {
    const { data } = await api(`/api/v1/public/tickets/${encodeURIComponent(token)}`);
    state.error = null;
    const previous = state.status;
    state.status = data;
    render();
    announceIfCalled(previous, data);
    announceIfNear(previous, data);
    if (FINAL.has(data.state) && stream) stream.stop();
  } catch (error) {
    if (error.status === 404 || error.status === 400) {
      state.error = error;
      state.status = null;
      render();
      if (stream) stream.stop();
      return;
    }
    throw error;
  }
}

const refetchSoon = throttle(() => fetchStatus().catch(() => {}), 2000);

function onEvent(event) {
  const status = state.status;
  if (!status || FINAL.has(status.state)) return;
  const ticket = event.ticket || {};
  if (ticket.number === status.number) {
    fetchStatus().catch(() => {});
  } else if (ticket.field === status.field || (event.waiting && status.field in event.waiting)) {
    // Someone else in our field moved: our position may have changed.
    refetchSoon();
  }
}

function announceIfCalled(previous, current) {
  // Only a change seen while the page is open buzzes: not the state the page was opened in.
  if (!previous || current.state !== "called") return;
  if (previous.state === "called" && previous.recalls === current.recalls && previous.counter === current.counter) return;
  // Phones allow vibration only after the person has touched the page once.
  const touched = !navigator.userActivation || navigator.userActivation.hasBeenActive;
  try { if (touched && navigator.vibrate) navigator.vibrate([300, 150, 300]); } catch (_) { /* not allowed */ }
  chime.play();
}

/** Crossing into "near" while the page is open buzzes and chimes once, so a citizen waiting outside comes back. */
function announceIfNear(previous, current) {
  if (!previous || previous.state !== "waiting" || current.state !== "waiting") return;
  if (!(previous.ahead > NEAR_AHEAD && current.ahead <= NEAR_AHEAD)) return;
  const touched = !navigator.userActivation || navigator.userActivation.hasBeenActive;
  try { if (touched && navigator.vibrate) navigator.vibrate([200, 100, 200]); } catch (_) { /* not allowed */ }
  chime.play();
  $("ticket-view").dataset.near = "announced";
}

function render() {
  $("ticket-loading").hidden = true;
  const error = $("ticket-error");
  if (state.error) {
    error.textContent = state.error.status === 404 ? t("ticket.notfound") : errorText(state.error);
    error.hidden = false;
    $("ticket-view").hidden = true;
    return;
  }
  error.hidden = true;
  const s = state.status;
  if (!s) return;
  $("ticket-view").hidden = false;
  $("ticket-view").dataset.state = s.state;
  document.title = s.state === "called" ? `(!) ${t("ticket.call", { n: s.number, c: s.counter })}` : t("ticket.doc.title", { n: s.number });

  $("ticket-number").textContent = s.number;
  $("ticket-field").textContent = fieldName({ name: s.fieldName, nameEn: s.fieldNameEn });
  const chip = $("ticket-state");
  chip.textContent = stateName(s.state);
  chip.className = `chip state-${s.state}`;

  const banner = $("call-banner");
  const waiting = s.state === "waiting";
  banner.hidden = waiting;
  banner.className = `call-banner ${s.state}`;
  let sub = "";
  let text = "";
  if (s.state === "called") {
    text = t("ticket.call", { n: s.number, c: s.counter });
    if (s.recalls > 0) sub = t("ticket.call.recalled", { r: s.recalls });
  } else if (s.state === "serving") {
    text = t("ticket.serving", { c: s.counter });
  } else if (s.state === "done") {
    text = t("ticket.done");
  } else if (s.state === "no-show") {
    text = t("ticket.noshow");
  } else if (s.state === "cancelled") {
    text = t("ticket.cancelled");
  }
  $("call-text").textContent = text;
  $("call-sub").textContent = sub;
  $("call-sub").hidden = !sub;

  $("waiting-box").hidden = !waiting;
  $("ticket-ahead").textContent = String(s.ahead);
  $("ticket-wait").textContent = s.estimatedWaitMinutes > 0 ? t("unit.minutes", { n: s.estimatedWaitMinutes }) : t("kiosk.wait.none");
  $("ticket-wait").classList.toggle("text", !(s.estimatedWaitMinutes > 0));
  const hint = $("ticket-hint");
  hint.hidden = !waiting;
  hint.textContent = s.ahead <= NEAR_AHEAD ? t("ticket.soon") : t("ticket.waiting.hint");
  hint.classList.toggle("soon", s.ahead <= NEAR_AHEAD);

  $("ticket-issued").textContent = shortTime(s.issuedAt);
  $("priority-row").hidden = !s.priority || s.priority === "none";
  $("ticket-priority").textContent = priorityName(s.priority);
  renderDossiers(s.dossiers || []);
  sms.follow(s);
}

/** The dossiers handed in with this ticket (the promise slip's QR opens this page): promise, new date, status. */
function renderDossiers(dossiers) {
  $("dossiers").hidden = dossiers.length === 0;
  $("dossier-list").replaceChildren(...dossiers.map((d) => el("li", { dataset: { testid: "ticket-dossier", status: d.status } },
    el("div", { class: "d-name" }, t("ret.code", { id: d.id }), " · ", d.procedureName),
    el("div", { class: `chip status ${d.status}` }, t(`ret.status.${d.status}`)),
    d.promisedAt ? el("div", {}, t("ret.promised", { t: stampText(lang(), d.promisedAt) })) : null,
    d.newPromisedAt && !d.returnedAt ? el("div", { class: "d-late" }, t("ticket.dossier.newDate", { t: stampText(lang(), d.newPromisedAt) })) : null,
    d.returnedAt ? el("div", {}, t("ret.returnedAt", { t: stampText(lang(), d.returnedAt) })) : null)));
}

function init() {
  applyI18n();
  document.title = t("ticket.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(render);
  // "Góp ý, phản ánh": the feedback page, about this ticket.
  $("feedback-link").href = token ? `/gop-y?t=${encodeURIComponent(token)}` : "/gop-y";
  document.addEventListener("pointerdown", () => chime.unlock(), { once: true });
  api("/api/v1/hall").then(({ data }) => { if (data.centreName) $("centre-name").textContent = data.centreName; }).catch(() => {});

  stream = new LiveStream({
    // Follow "from now" and re-read the ticket on every (re)connection, so nothing in between is missed.
    load: async () => { await fetchStatus(); return null; },
    onEvent,
    onOpen: () => { if (state.status) refetchSoon(); },
    onStatus: (status) => { $("conn-badge").hidden = status === "online" || !!state.error || (state.status && FINAL.has(state.status.state)); },
  });
  if (!token) {
    state.error = { status: 404 };
    render();
    return;
  }
  stream.start();
  // Phones sleep and drop connections: re-read when the page becomes visible again.
  document.addEventListener("visibilitychange", () => { if (!document.hidden) fetchStatus().catch(() => {}); });
}

init();
