// The counter desk: sign in, call the next citizen, recall, serve, finish, transfer, cancel, pause.
// Also: record the dossier handed in with the ticket served (and show its promised return), and today's ratings.
import { api, LiveStream, StaffSignIn, throttle, el, shortTime, dateText } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, fieldName, priorityName, stateName, errorText } from "/i18n.js";
import { ReturnDesk } from "/staff-returns.js";
import { BookingDesk } from "/staff-booking.js";
import { FeedbackDesk } from "/staff-feedback.js";
import { bindShortcuts, ask } from "/staff-keys.js";

const SESSION_KEY = "khongcho.staff.session";
const COUNTER_KEY = "khongcho.staff.counter";
const $ = (id) => document.getElementById(id);

const state = {
  fields: [],
  counters: [],
  counter: null, // the counter number this desk works for
  queue: [],
  busy: false,
  stream: null,
  message: null, // {kind, text | key+params | error}
  procedures: null, // the catalog's procedures for dossier intake (null until loaded)
  catalogError: null,
  finished: null, // the ticket this desk just finished (done), still open for dossier intake until the next call
  dossierFor: null, // the ticket id the form currently belongs to
  dossierBusy: false,
  dossierResult: null, // {dossier} | {error}
  ratings: [],
  ratingsError: null,
  ratingsTimer: null,
};

// ---------- Session ----------

// The desk keeps its session on a 403 (e.g. another desk's counter): only an expired token signs it out.
const auth = new StaffSignIn({ storageKey: SESSION_KEY, signOutOn: [401], onEnter: enterDesk, onSignedOut: leaveDesk });
const call = (path, options) => auth.call(path, options);
const returnDesk = new ReturnDesk({ call, token: () => auth.token });
const bookingDesk = new BookingDesk({ call, counter: () => state.counter });
const feedbackDesk = new FeedbackDesk({ call, user: () => auth.user });

function leaveDesk() {
  if (state.stream) state.stream.stop();
  state.stream = null;
  clearInterval(state.ratingsTimer);
  state.finished = null;
  state.dossierResult = null;
  state.ratings = [];
  returnDesk.reset();
  bookingDesk.reset();
  feedbackDesk.reset();
  $("desk-view").hidden = true;
}

// ---------- Desk ----------

async function enterDesk(user) {
  $("desk-view").hidden = false;
  state.counter = user.counter || Number(sessionStorage.getItem(COUNTER_KEY)) || null;
  state.queue = [];
  setMessage(null);
  loadCatalog();
  bookingDesk.enter();
  feedbackDesk.start();
  clearInterval(state.ratingsTimer);
  state.ratingsTimer = setInterval(() => { if (auth.session) loadRatings(); }, 30000);
  if (state.stream) state.stream.stop();
  state.stream = new LiveStream({
    load: async () => {
      const { data: hall } = await api("/api/v1/hall");
      applyHall(hall);
      await refresh();
      return hall.lastEventId;
    },
    onEvent: (event) => { if (isRelevant(event)) refreshSoon(); },
    // A counter opened, closed, or this officer moved by a supervisor.
    onCounter: () => counterChangedSoon(),
    onStatus: (status) => { $("conn-badge").hidden = status === "online"; },
  });
  await state.stream.start();
}

function applyHall(hall) {
  $("centre-name").textContent = hall.centreName || "\u00a0";
  state.fields = hall.fields || [];
  renderTransferOptions();
}

function currentCounter() {
  return state.counters.find((c) => c.number === state.counter) || null;
}

function isRelevant(event) {
  const counter = currentCounter();
  if (!counter) return true;
  const ticket = event.ticket || {};
  return event.counter === counter.number || ticket.counter === counter.number
    || (counter.fields || []).includes(ticket.field) || (counter.current && counter.current.id === ticket.id);
}

let refreshSeq = 0;

/** Re-reads the desk; `checkMove` also asks whether a supervisor moved this officer (on counter events only). */
async function refresh({ checkMove = false } = {}) {
  if (!auth.session) return;
  // Overlapping refreshes (an action and a live event): only the newest one may draw.
  const seq = ++refreshSeq;
  const [{ data: counters }] = await Promise.all([call("/api/v1/counters"), checkMove ? followMove() : null]);
  if (seq !== refreshSeq) return;
  state.counters = counters || [];
  if (!state.counters.some((c) => c.number === state.counter)) {
    const user = auth.user;
    state.counter = user.counter || (state.counters[0] && state.counters[0].number) || null;
  }
  const number = state.counter;
  if (number == null) { render(); return; }
  const [{ data: queue }, { data: missed }] = await Promise.all([
    call(`/api/v1/counters/${number}/queue`), call(`/api/v1/counters/${number}/no-shows`)]);
  if (seq !== refreshSeq || number !== state.counter) return;
  state.queue = queue || [];
  state.noShows = missed || [];
  render();
  loadRatings();
}

/**
 * A supervisor may move this officer to another counter: when the account's counter changed, the desk switches
 * to it at once (even if a newer refresh overtakes this one, which then reads the new counter).
 */
async function followMove() {
  const user = auth.user;
  if (!user || user.role !== "staff") return;
  const { data: me } = await call("/api/v1/me");
  if (!me || me.counter == null || me.counter === user.counter) return;
  auth.session.user = { ...user, counter: me.counter };
  state.counter = me.counter;
  state.finished = null;
  state.dossierResult = null;
  setMessage({ kind: "info", key: "staff.msg.moved", params: () => ({ n: me.counter }) });
}

const refreshSoon = throttle(() => refresh().catch(() => {}), 300);
const counterChangedSoon = throttle(() => refresh({ checkMove: true }).catch(() => {}), 300);

// ---------- Rendering ----------

function renderCounterPicker() {
  const user = auth.user;
  const select = $("counter-select");
  const fixed = $("counter-fixed");
  if (user && user.counter) {
    select.hidden = true;
    fixed.hidden = false;
    fixed.textContent = String(state.counter);
  } else {
    select.hidden = false;
    fixed.hidden = true;
    select.replaceChildren(...state.counters.map((c) =>
      el("option", { value: c.number, selected: c.number === state.counter }, t("counter.name", { n: c.number }))));
  }
  const counter = currentCounter();
  $("counter-fields").textContent = counter
    ? t("staff.fields", { f: (counter.fields || []).map((code) => fieldName(state.fields.find((f) => f.code === code)) || code).join(", ") })
    : "";
}

/** Where a ticket can go: another field (any counter serving it calls it) or one other counter (only it does). */
function renderTransferOptions() {
  const select = $("transfer-field");
  const chosen = select.value;
  const counter = currentCounter();
  const current = counter && counter.current;
  const fields = state.fields
    .filter((f) => !current || f.code !== current.field)
    .map((f) => el("option", { value: f.code, selected: f.code === chosen }, `${f.prefix} – ${fieldName(f)}`));
  const counters = state.counters
    .filter((c) => !counter || c.number !== counter.number)
    .map((c) => el("option", { value: `counter:${c.number}`, selected: `counter:${c.number}` === chosen },
      t("staff.transfer.counter", { n: c.number, f: counterFieldNames(c) })));
  select.replaceChildren(
    el("optgroup", { label: t("staff.transfer.fields") }, ...fields),
    el("optgroup", { label: t("staff.transfer.counters") }, ...counters));
}

function counterFieldNames(counter) {
  return (counter.fields || []).map((code) => fieldName(state.fields.find((f) => f.code === code)) || code).join(", ");
}

function render() {
  renderCounterPicker();
  const counter = currentCounter();
  const current = counter && counter.current;
  const paused = !!(counter && counter.paused);

  $("current-ticket").hidden = !current;
  $("current-none").hidden = !!current;
  if (current) {
    $("current-number").textContent = current.number;
    const chip = $("current-state");
    chip.textContent = stateName(current.state);
    chip.className = `chip state-${current.state}`;
    $("current-field").textContent = fieldName(state.fields.find((f) => f.code === current.field)) || current.field;
    const priority = $("current-priority");
    priority.hidden = !current.priority || current.priority === "none";
    priority.textContent = priorityName(current.priority);
    $("current-recalls").textContent = current.recalls > 0 ? t("staff.recalls", { n: current.recalls }) : "";
    // The note the transferring officer left: what was checked, what is missing.
    $("current-note").hidden = !current.note;
    $("current-note").textContent = current.note ? t("staff.note", { n: current.note }) : "";
  }
  $("current-ticket").dataset.state = current ? current.state : "";

  const called = !!current && current.state === "called";
  const serving = !!current && current.state === "serving";
  const enable = (id, on) => { $(id).disabled = state.busy || !on; };
  enable("btn-next", !current && !paused);
  enable("btn-recall", called);
  enable("btn-serve", called);
  enable("btn-noshow", called);
  enable("btn-done", called || serving);
  enable("btn-done-next", (called || serving) && !paused);
  enable("btn-transfer", called || serving);
  enable("btn-cancel", called);
  enable("btn-reprint", called || serving);
  enable("btn-pause", !!counter);
  $("transfer-field").disabled = state.busy || !(called || serving);
  for (const input of document.querySelectorAll("#done-outcome input")) input.disabled = state.busy || !(called || serving);

  const pause = $("btn-pause");
  pause.textContent = paused ? t("btn.resume") : t("btn.pause");
  pause.setAttribute("aria-pressed", paused ? "true" : "false");
  pause.classList.toggle("active", paused);
  $("paused-banner").hidden = !paused;

  renderTransferOptions();
  renderQueue();
  renderMessage();
  renderDossier();
  renderRatings();
}

function renderQueue() {
  const body = $("queue-list");
  body.replaceChildren(...state.queue.map((ticket, index) =>
    el("tr", { class: ticket.priority && ticket.priority !== "none" ? "priority-row" : undefined, dataset: { ticket: ticket.id, number: ticket.number } },
      el("td", { class: "q-pos num", text: String(index + 1) }),
      el("td", { class: "q-number num", text: ticket.number }),
      el("td", {}, fieldName(state.fields.find((f) => f.code === ticket.field)) || ticket.field,
        ticket.forCounter ? el("span", { class: "chip for-counter", dataset: { testid: "for-counter" } }, t("staff.forCounter", { n: ticket.forCounter })) : null,
        ticket.note ? el("div", { class: "q-note", dataset: { testid: "queue-note" } }, ticket.note) : null),
      el("td", {}, ticket.priority && ticket.priority !== "none" ? el("span", { class: "chip priority", text: priorityName(ticket.priority) }) : ""),
      el("td", { class: "q-call" }, index === 0 ? null : el("button", {
        type: "button", class: "btn small", dataset: { testid: "btn-call-this" }, disabled: state.busy || !!currentTicket() || pausedHere(),
        title: t("staff.queue.call"), onclick: () => callOutOfOrder(ticket),
      }, t("staff.queue.callShort"))))));
  $("queue-empty").hidden = state.queue.length > 0;
  renderNoShows();
  $("queue-count").textContent = t("staff.queue.count", { n: state.queue.length });
}

/** Today's no-shows at this counter: one who comes back is put in the queue at the place the officer picks. */
function renderNoShows() {
  const list = state.noShows || [];
  $("noshow-panel").hidden = list.length === 0;
  $("noshow-list").replaceChildren(...list.map((ticket) => {
    // The place picked survives the live re-draws (a new ticket, a call elsewhere) until it is used.
    state.requeueChoice = state.requeueChoice || {};
    const chosen = state.requeueChoice[ticket.id] || "1";
    const select = el("select", { dataset: { testid: "requeue-position" }, "aria-label": t("staff.requeue.position"),
      onchange: (event) => { state.requeueChoice[ticket.id] = event.target.value; } },
      ...["1", "2", "3", "5"].map((n) => el("option", { value: n, selected: n === chosen }, t("staff.requeue.at", { n }))),
      el("option", { value: "9999", selected: chosen === "9999" }, t("staff.requeue.last")));
    return el("li", { dataset: { number: ticket.number } },
      el("span", { class: "num q-number" }, ticket.number),
      el("span", {}, fieldName(state.fields.find((f) => f.code === ticket.field)) || ticket.field),
      select,
      el("button", { type: "button", class: "btn small", dataset: { testid: "btn-requeue" }, disabled: state.busy,
        onclick: () => requeue(ticket, Number(select.value)) }, t("staff.requeue")));
  }));
}

function requeue(ticket, position) {
  return act(async () => {
    await call(`/api/v1/tickets/${ticket.id}/requeue`, { method: "POST", body: { position } });
    setMessage({ kind: "success", key: position > 100 ? "staff.msg.requeuedLast" : "staff.msg.requeued",
      params: () => ({ n: ticket.number, p: position }) });
  });
}

function setMessage(message) {
  state.message = message;
  renderMessage();
}

function renderMessage() {
  const box = $("staff-message");
  const message = state.message;
  box.hidden = !message;
  if (!message) return;
  box.className = `staff-message ${message.kind}`;
  box.textContent = message.error ? errorText(message.error) : t(message.key, message.params ? message.params() : {});
}

// ---------- Actions ----------

async function act(work) {
  if (state.busy) return;
  state.busy = true;
  render();
  try {
    await work();
  } catch (error) {
    if (error.status !== 401) setMessage({ kind: "error", error });
  } finally {
    state.busy = false;
    if (auth.session) {
      try { await refresh(); } catch (_) { render(); }
    }
  }
}

function currentTicket() {
  const counter = currentCounter();
  return counter && counter.current;
}

function ticketAction(path, body, messageFor) {
  return act(async () => {
    const ticket = currentTicket();
    if (!ticket) return;
    const { data } = await call(`/api/v1/tickets/${ticket.id}/${path}`, { method: "POST", body });
    setMessage(messageFor(data || ticket));
  });
}

function updatedMessage(ticket) {
  return { kind: "success", key: "staff.msg.updated", params: () => ({ n: ticket.number, s: stateName(ticket.state) }) };
}

function pausedHere() {
  const counter = currentCounter();
  return !!(counter && counter.paused);
}

/** Asks before a step that cannot be undone (cancel, no-show), naming the ticket. */
async function confirmed(messageKey, confirmKey, work) {
  const ticket = currentTicket();
  if (!ticket) return;
  if (await ask({ message: t(messageKey, { n: ticket.number }), confirm: t(confirmKey) })) await work();
}

/** Done with the chosen outcome, then the next citizen, in one press (D). */
function doneAndNext() {
  const outcome = (document.querySelector("#done-outcome input:checked") || {}).value || "returned";
  return act(async () => {
    const ticket = currentTicket();
    if (!ticket) return;
    await call(`/api/v1/tickets/${ticket.id}/done`, { method: "POST", body: { outcome } });
    state.finished = null;
    state.dossierResult = null;
    const { status, data } = await call(`/api/v1/counters/${state.counter}/next`, { method: "POST" });
    if (status === 204 || !data) setMessage({ kind: "info", key: "staff.msg.doneNobody", params: () => ({ n: ticket.number }) });
    else setMessage({ kind: "success", key: "staff.msg.doneCalled", params: () => ({ d: ticket.number, n: data.number }) });
  });
}

/** Calls a ticket ahead of its turn; the reason is required, stored, and listed in the reports. */
async function callOutOfOrder(ticket) {
  const reason = await ask({
    message: t("ask.outOfOrder", { n: ticket.number }), confirm: t("staff.queue.callShort"), reason: true,
    reasonRequired: t("ask.reason.required"),
  });
  if (!reason) return;
  await act(async () => {
    const { data } = await call(`/api/v1/counters/${state.counter}/call`, { method: "POST", body: { ticket: ticket.id, reason } });
    state.finished = null;
    state.dossierResult = null;
    setMessage({ kind: "success", key: "staff.msg.called", params: () => ({ n: (data || ticket).number }) });
  });
}

function bindActions() {
  bindShortcuts();
  $("btn-next").addEventListener("click", () => act(async () => {
    const { status, data } = await call(`/api/v1/counters/${state.counter}/next`, { method: "POST" });
    state.finished = null;
    state.dossierResult = null;
    if (status === 204 || !data) setMessage({ kind: "info", key: "staff.msg.nobody" });
    else setMessage({ kind: "success", key: "staff.msg.called", params: () => ({ n: data.number }) });
  }));
  $("btn-recall").addEventListener("click", () => ticketAction("recall", undefined,
    (ticket) => ({ kind: "success", key: "staff.msg.called", params: () => ({ n: ticket.number }) })));
  $("btn-serve").addEventListener("click", () => ticketAction("serve", undefined, updatedMessage));
  $("btn-noshow").addEventListener("click", () => confirmed("ask.noshow", "btn.noshow",
    () => ticketAction("no-show", undefined, updatedMessage)));
  $("btn-cancel").addEventListener("click", () => confirmed("ask.cancel", "btn.cancel",
    () => ticketAction("cancel", undefined, updatedMessage)));
  $("btn-done-next").addEventListener("click", doneAndNext);
  // The answer is a print outcome, not a ticket: say what the printer did, in the server's words on failure.
  $("btn-reprint").addEventListener("click", () => act(async () => {
    const ticket = currentTicket();
    if (!ticket) return;
    const { data } = await call(`/api/v1/tickets/${ticket.id}/reprint`, { method: "POST" });
    const ok = data && (data.status === "printed" || data.status === "queued");
    setMessage(ok ? { kind: "success", key: "staff.msg.reprinted", params: () => ({ n: ticket.number }) }
      : { kind: "error", key: "staff.msg.reprintFailed", params: () => ({ n: ticket.number, m: (data && data.message) || "" }) });
  }));
  $("btn-done").addEventListener("click", () => {
    const outcome = (document.querySelector("#done-outcome input:checked") || {}).value || "returned";
    const ticket = currentTicket();
    ticketAction("done", { outcome }, (done) => {
      // Keep the served ticket open for dossier intake until the next call.
      if (ticket) state.finished = { id: ticket.id, number: ticket.number, field: ticket.field };
      return updatedMessage(done);
    });
  });
  $("btn-transfer").addEventListener("click", () => {
    const target = $("transfer-field").value;
    if (!target) return;
    const note = $("transfer-note").value.trim();
    const counter = target.startsWith("counter:") ? Number(target.slice("counter:".length)) : null;
    const body = counter ? { counter } : { field: target };
    if (note) body.note = note;
    ticketAction("transfer", body, (ticket) => {
      $("transfer-note").value = "";
      return counter
        ? { kind: "success", key: "staff.msg.transferredCounter", params: () => ({ n: ticket.number, c: counter }) }
        : { kind: "success", key: "staff.msg.transferred",
          params: () => ({ n: ticket.number, f: fieldName(state.fields.find((f) => f.code === target)) || target }) };
    });
  });
  $("btn-pause").addEventListener("click", () => act(async () => {
    const counter = currentCounter();
    if (!counter) return;
    const paused = !counter.paused;
    await call(`/api/v1/counters/${counter.number}/pause`, { method: "POST", body: { paused } });
    setMessage({ kind: "info", key: paused ? "staff.msg.paused" : "staff.msg.resumed" });
  }));
  $("dossier-form").addEventListener("submit", recordDossier);
  $("dossier-procedure").addEventListener("change", () => renderChecklist(true));
  $("counter-select").addEventListener("change", (event) => {
    state.counter = Number(event.target.value);
    sessionStorage.setItem(COUNTER_KEY, String(state.counter));
    state.queue = [];
    state.finished = null;
    state.dossierResult = null;
    state.ratings = [];
    setMessage(null);
    render();
    refresh().catch((error) => setMessage({ kind: "error", error }));
  });
}

// ---------- Dossier intake ----------

/** Procedures for the intake form: GET /api/v1/catalog (public); without it staff type the code. */
async function loadCatalog() {
  if (state.procedures) return;
  try {
    const { data } = await call("/api/v1/catalog");
    state.procedures = (data && data.procedures) || [];
    state.catalogError = null;
  } catch (error) {
    state.catalogError = error;
  }
  renderDossier();
}

/** The ticket a dossier would be recorded for: the one being served, else the one just finished here. */
function dossierTicket() {
  const current = currentTicket();
  if (current && current.state === "serving") return current;
  if (current) return null;
  return state.finished;
}

function procedureLabel(procedure) {
  return `${procedure.code} – ${procedure.name}`;
}

function renderProcedureOptions(ticket) {
  const select = $("dossier-procedure");
  const all = state.procedures || [];
  const ofField = all.filter((p) => p.field === ticket.field);
  const list = ofField.length ? ofField : all;
  const signature = list.map((p) => p.code).join(",");
  if (select.dataset.signature === signature) return;
  const chosen = select.value;
  select.replaceChildren(...list.map((p) => el("option", { value: p.code, selected: p.code === chosen }, procedureLabel(p))));
  select.dataset.signature = signature;
}

/** The chosen procedure's papers to check and its fee, as the admin listed them. */
function renderChecklist(show) {
  const procedure = show ? (state.procedures || []).find((p) => p.code === $("dossier-procedure").value) : null;
  const documents = (procedure && procedure.documents) || [];
  const fee = procedure && procedure.fee;
  // Live events redraw the desk often: keep the list (and the officer's ticks) while the procedure stays.
  const box = $("dossier-checklist");
  const shown = procedure ? procedure.code : "";
  if (box.dataset.procedure === shown) return;
  box.dataset.procedure = shown;
  $("dossier-checklist").hidden = !documents.length && !fee;
  $("dossier-fee").textContent = fee ? t("dos.fee", { f: fee }) : "";
  $("dossier-documents").replaceChildren(...documents.map((line) => el("li", {}, el("label", {}, el("input", { type: "checkbox" }), ` ${line}`))));
}

function renderDossier() {
  const ticket = dossierTicket();
  if (!ticket || ticket.id !== state.dossierFor) {
    // A different ticket: a fresh form (the previous result belongs to the previous citizen).
    if (ticket) state.dossierFor = ticket.id;
    else if (!state.dossierResult) state.dossierFor = null;
    if (ticket) state.dossierResult = null;
  }
  const showResultOnly = !ticket && state.dossierResult;
  $("dossier-none").hidden = !!ticket || !!showResultOnly;
  $("dossier-form").hidden = !ticket;
  const chip = $("dossier-ticket");
  chip.hidden = !ticket;
  if (ticket) chip.textContent = t("dos.ticket", { n: ticket.number });
  const noCatalog = !!state.catalogError;
  $("dossier-catalog-error").hidden = !(ticket && noCatalog);
  if (noCatalog) $("dossier-catalog-error").textContent = errorText(state.catalogError);
  $("dossier-procedure").hidden = noCatalog;
  $("dossier-code").hidden = !noCatalog;
  if (ticket && !noCatalog) renderProcedureOptions(ticket);
  renderChecklist(ticket && !noCatalog);
  $("dossier-submit").disabled = state.dossierBusy || !ticket || (!noCatalog && !state.procedures);
  renderDossierResult();
}

function renderDossierResult() {
  const box = $("dossier-result");
  const result = state.dossierResult;
  box.hidden = !result;
  if (!result) return;
  if (result.error) {
    box.className = "dossier-result error";
    box.replaceChildren(errorText(result.error));
    return;
  }
  const d = result.dossier || {};
  const en = lang() === "en";
  const explanation = en ? d.explanationEn || d.explanation : d.explanation || d.explanationEn;
  const nodes = [];
  if (d.promisedAt) {
    const at = new Date(d.promisedAt);
    nodes.push(el("div", { class: "dossier-promise", dataset: { testid: "dossier-promise" } },
      t("dos.promised", { t: `${shortTime(at)} ${dateText(lang(), at)}` })));
    if (d.rule) nodes.push(el("span", { class: "chip", dataset: { testid: "dossier-rule" } }, t(`dos.rule.${d.rule}`) === `dos.rule.${d.rule}` ? d.rule : t(`dos.rule.${d.rule}`)));
  } else {
    nodes.push(el("div", { class: "dossier-promise", dataset: { testid: "dossier-promise" } }, t("dos.incomplete")));
  }
  if (explanation) nodes.push(el("div", { class: "dossier-explanation", dataset: { testid: "dossier-explanation" } }, explanation));
  if (d.slipError) {
    const e = d.slipError;
    const text = typeof e === "string" ? e : (en ? e.messageEn || e.message : e.message || e.messageEn) || "";
    nodes.push(el("div", { class: "dossier-slip error", dataset: { testid: "dossier-slip" } }, t("dos.slip.error", { m: text })));
  } else if (d.slip && d.promisedAt) {
    nodes.push(el("div", { class: "dossier-slip", dataset: { testid: "dossier-slip" } }, t(`dos.slip.${d.slip}`)));
  }
  box.className = `dossier-result${d.promisedAt ? "" : " incomplete"}`;
  box.replaceChildren(...nodes);
}

async function recordDossier(event) {
  event.preventDefault();
  const ticket = dossierTicket();
  if (!ticket || state.dossierBusy) return;
  const procedure = state.catalogError ? $("dossier-code").value.trim() : $("dossier-procedure").value;
  const complete = (document.querySelector('input[name="dossier-complete"]:checked') || {}).value !== "no";
  state.dossierBusy = true;
  renderDossier();
  try {
    const body = { procedure, complete };
    const citizenName = $("dossier-name").value.trim();
    const citizenPhone = $("dossier-phone").value.trim();
    if (citizenName) body.citizenName = citizenName;
    if (citizenPhone) body.citizenPhone = citizenPhone;
    const { data } = await call(`/api/v1/tickets/${ticket.id}/dossiers`, { method: "POST", body });
    state.dossierResult = { dossier: (data && data.dossier) || {} };
    $("dossier-name").value = "";
    $("dossier-phone").value = "";
  } catch (error) {
    if (error.status !== 401) state.dossierResult = { error };
  } finally {
    state.dossierBusy = false;
    if (auth.session) renderDossier();
  }
}

// ---------- Today's ratings at this counter ----------

let ratingsSeq = 0;

async function loadRatings() {
  const number = state.counter;
  if (!auth.session || number == null) return;
  const seq = ++ratingsSeq;
  try {
    // No dates: the server's today (its clock is the hall's, the training clock included), not this browser's.
    const { data } = await call(`/api/v1/ratings?counter=${number}`);
    if (seq !== ratingsSeq || number !== state.counter) return;
    state.ratings = (data && data.ratings) || [];
    state.ratingsError = null;
  } catch (error) {
    if (seq !== ratingsSeq) return;
    state.ratingsError = error;
  }
  renderRatings();
}

function renderRatings() {
  const ratings = [...state.ratings].sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
  const counts = [1, 2, 3, 4].map((level) => ratings.filter((r) => r.level === level).length);
  $("ratings-levels").replaceChildren(...(ratings.length ? [1, 2, 3, 4].map((level) =>
    el("span", { class: `rating-chip level-${level}`, dataset: { level } }, `${t(`rating.${level}`)}: ${counts[level - 1]}`)) : []));
  const share = $("ratings-share");
  share.hidden = !ratings.length;
  if (ratings.length) {
    const satisfied = (counts[0] + counts[1]) / ratings.length;
    share.textContent = t("rat.share", { p: `${new Intl.NumberFormat(lang() === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 0 }).format(satisfied * 100)} %`, n: ratings.length });
  }
  $("ratings-list").replaceChildren(...ratings.slice(0, 8).map((r) => el("li", { dataset: { rating: r.id, level: r.level } },
    el("span", { class: "r-time num" }, shortTime(r.at)),
    el("span", { class: "r-ticket num" }, r.ticket || t("dash")),
    el("span", {}, el("span", { class: `rating-chip level-${r.level}` }, t(`rating.${r.level}`))),
    el("span", { class: "r-source" }, r.source ? t(`rat.source.${r.source}`) : ""))));
  $("ratings-none").hidden = ratings.length > 0 || !!state.ratingsError;
  $("ratings-error").hidden = !state.ratingsError;
  if (state.ratingsError) $("ratings-error").textContent = errorText(state.ratingsError);
}

// ---------- Start ----------

async function init() {
  applyI18n();
  document.title = t("staff.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => {
    document.title = t("staff.doc.title");
    if (auth.session) { render(); returnDesk.render(); bookingDesk.render(); feedbackDesk.render(); }
  });
  bindActions();
  api("/api/v1/hall").then(({ data }) => { $("centre-name").textContent = data.centreName || "\u00a0"; }).catch(() => {});
  await auth.start();
}

init();
