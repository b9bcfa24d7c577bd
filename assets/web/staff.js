// The counter desk: sign in, call the next citizen, recall, serve, finish, transfer, cancel, pause.
import { api, LiveStream, throttle, el } from "/common.js";
import { t, applyI18n, bindLangSwitch, onLangChange, fieldName, priorityName, stateName, errorText } from "/i18n.js";

const SESSION_KEY = "khongcho.staff.session";
const COUNTER_KEY = "khongcho.staff.counter";
const $ = (id) => document.getElementById(id);

const state = {
  session: null, // {token, user}
  fields: [],
  counters: [],
  counter: null, // the counter number this desk works for
  queue: [],
  busy: false,
  stream: null,
  message: null, // {kind, text | key+params | error}
};

// ---------- Session ----------

function loadSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    if (saved && saved.token && saved.user) return saved;
  } catch (_) { /* ignore */ }
  return null;
}

function saveSession(session) {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

async function call(path, options = {}) {
  try {
    return await api(path, { ...options, token: state.session && state.session.token });
  } catch (error) {
    if (error.status === 401 && state.session) {
      signedOut("staff.msg.expired");
    }
    throw error;
  }
}

async function login(event) {
  event.preventDefault();
  const username = $("login-username").value.trim();
  const password = $("login-password").value;
  $("login-error").hidden = true;
  $("btn-login").disabled = true;
  try {
    const { data } = await api("/api/v1/auth/login", { method: "POST", body: { username, password } });
    state.session = { token: data.token, user: data.user };
    saveSession(state.session);
    $("login-password").value = "";
    await enterDesk();
  } catch (error) {
    showLoginError(error);
  } finally {
    $("btn-login").disabled = false;
  }
}

function showLoginError(error) {
  state.loginError = error;
  const box = $("login-error");
  box.textContent = typeof error === "string" ? t(error) : errorText(error);
  box.hidden = false;
}

async function logout() {
  const token = state.session && state.session.token;
  if (token) api("/api/v1/auth/logout", { method: "POST", token }).catch(() => {});
  signedOut(null);
}

function signedOut(reasonKey) {
  state.session = null;
  saveSession(null);
  if (state.stream) state.stream.stop();
  state.stream = null;
  $("desk-view").hidden = true;
  $("user-box").hidden = true;
  $("login-view").hidden = false;
  if (reasonKey) showLoginError(reasonKey);
  $("login-username").focus();
}

// ---------- Desk ----------

async function enterDesk() {
  const user = state.session.user;
  $("login-view").hidden = true;
  $("login-error").hidden = true;
  $("desk-view").hidden = false;
  $("user-box").hidden = false;
  renderUser();
  state.counter = user.counter || Number(sessionStorage.getItem(COUNTER_KEY)) || null;
  state.queue = [];
  setMessage(null);
  if (state.stream) state.stream.stop();
  state.stream = new LiveStream({
    load: async () => {
      const { data: hall } = await api("/api/v1/hall");
      applyHall(hall);
      await refresh();
      return hall.lastEventId;
    },
    onEvent: (event) => { if (isRelevant(event)) refreshSoon(); },
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

async function refresh() {
  if (!state.session) return;
  // Overlapping refreshes (an action and a live event): only the newest one may draw.
  const seq = ++refreshSeq;
  const { data: counters } = await call("/api/v1/counters");
  if (seq !== refreshSeq) return;
  state.counters = counters || [];
  if (!state.counters.some((c) => c.number === state.counter)) {
    const user = state.session.user;
    state.counter = user.counter || (state.counters[0] && state.counters[0].number) || null;
  }
  const number = state.counter;
  if (number == null) { render(); return; }
  const { data: queue } = await call(`/api/v1/counters/${number}/queue`);
  if (seq !== refreshSeq || number !== state.counter) return;
  state.queue = queue || [];
  render();
}

const refreshSoon = throttle(() => refresh().catch(() => {}), 300);

// ---------- Rendering ----------

function renderUser() {
  const user = state.session && state.session.user;
  if (!user) return;
  $("user-name").textContent = t("staff.signed.in", { u: user.username, r: t(`role.${user.role}`) });
}

function renderCounterPicker() {
  const user = state.session && state.session.user;
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

function renderTransferOptions() {
  const select = $("transfer-field");
  const chosen = select.value;
  const counter = currentCounter();
  const current = counter && counter.current;
  select.replaceChildren(...state.fields
    .filter((f) => !current || f.code !== current.field)
    .map((f) => el("option", { value: f.code, selected: f.code === chosen }, `${f.prefix} – ${fieldName(f)}`)));
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
}

function renderQueue() {
  const body = $("queue-list");
  body.replaceChildren(...state.queue.map((ticket, index) =>
    el("tr", { class: ticket.priority && ticket.priority !== "none" ? "priority-row" : undefined, dataset: { ticket: ticket.id, number: ticket.number } },
      el("td", { class: "q-pos num", text: String(index + 1) }),
      el("td", { class: "q-number num", text: ticket.number }),
      el("td", { text: fieldName(state.fields.find((f) => f.code === ticket.field)) || ticket.field }),
      el("td", {}, ticket.priority && ticket.priority !== "none" ? el("span", { class: "chip priority", text: priorityName(ticket.priority) }) : ""))));
  $("queue-empty").hidden = state.queue.length > 0;
  $("queue-count").textContent = t("staff.queue.count", { n: state.queue.length });
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
    if (state.session) {
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

function bindActions() {
  $("btn-next").addEventListener("click", () => act(async () => {
    const { status, data } = await call(`/api/v1/counters/${state.counter}/next`, { method: "POST" });
    if (status === 204 || !data) setMessage({ kind: "info", key: "staff.msg.nobody" });
    else setMessage({ kind: "success", key: "staff.msg.called", params: () => ({ n: data.number }) });
  }));
  $("btn-recall").addEventListener("click", () => ticketAction("recall", undefined,
    (ticket) => ({ kind: "success", key: "staff.msg.called", params: () => ({ n: ticket.number }) })));
  $("btn-serve").addEventListener("click", () => ticketAction("serve", undefined, updatedMessage));
  $("btn-noshow").addEventListener("click", () => ticketAction("no-show", undefined, updatedMessage));
  $("btn-cancel").addEventListener("click", () => ticketAction("cancel", undefined, updatedMessage));
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
    ticketAction("done", { outcome }, updatedMessage);
  });
  $("btn-transfer").addEventListener("click", () => {
    const field = $("transfer-field").value;
    if (!field) return;
    ticketAction("transfer", { field }, (ticket) => ({
      kind: "success", key: "staff.msg.transferred",
      params: () => ({ n: ticket.number, f: fieldName(state.fields.find((f) => f.code === field)) || field }),
    }));
  });
  $("btn-pause").addEventListener("click", () => act(async () => {
    const counter = currentCounter();
    if (!counter) return;
    const paused = !counter.paused;
    await call(`/api/v1/counters/${counter.number}/pause`, { method: "POST", body: { paused } });
    setMessage({ kind: "info", key: paused ? "staff.msg.paused" : "staff.msg.resumed" });
  }));
  $("counter-select").addEventListener("change", (event) => {
    state.counter = Number(event.target.value);
    sessionStorage.setItem(COUNTER_KEY, String(state.counter));
    state.queue = [];
    setMessage(null);
    render();
    refresh().catch((error) => setMessage({ kind: "error", error }));
  });
}

// ---------- Start ----------

async function init() {
  applyI18n();
  document.title = t("staff.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => {
    document.title = t("staff.doc.title");
    renderUser();
    if (state.session) render();
    if (!$("login-error").hidden && state.loginError) showLoginError(state.loginError);
  });
  $("login-form").addEventListener("submit", login);
  $("btn-logout").addEventListener("click", logout);
  bindActions();
  api("/api/v1/hall").then(({ data }) => { $("centre-name").textContent = data.centreName || "\u00a0"; }).catch(() => {});

  state.session = loadSession();
  if (!state.session) {
    signedOut(null);
    return;
  }
  try {
    const { data: user } = await call("/api/v1/me");
    state.session.user = user;
    saveSession(state.session);
  } catch (error) {
    if (error.status === 401) return; // signed out by call()
    // Server unreachable: keep the saved session; the desk's stream keeps retrying.
  }
  await enterDesk();
}

init();
