// The admin's device page: every printer, counter display and keypad with its port, bound counter, status
// and last sign of life; rebind a device to a counter, send a test pattern, watch what a display shows (drawn
// like the 2×20 VFD it is) and type on a simulated keypad. Re-read every 2 s and on live events; rows are
// updated in place so an open counter <select> is never pulled from under the admin's pointer.
import { api, LiveStream, StaffSignIn, throttle, el } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, errorText } from "/i18n.js";

const SESSION_KEY = "khongcho.admin.session";
const REFRESH_MS = 2000;
const VFD_COLUMNS = 20;
const KEYPAD_KEYS = {
  // A rating keypad's four levels plus Enter (for keypads that send a digit sequence and Enter).
  "rating-keypad": [["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["↵", "\n"]],
  // A caller keypad is a numeric pad; which digit calls, recalls, … is the profile's business.
  "caller-keypad": [["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"], ["6", "6"],
    ["7", "7"], ["8", "8"], ["9", "9"], ["0", "0"], ["↵", "\n"]],
};
const $ = (id) => document.getElementById(id);

const state = {
  devices: [],
  counters: [],
  rows: new Map(), // device id → {row, cells…}
  pendingBinding: new Set(),
  stream: null,
  timer: null,
  message: null, // {kind, key, params} | {kind, error} | {kind, pair: {message, messageEn}}
};

// ---------- Session ----------

const auth = new StaffSignIn({ storageKey: SESSION_KEY, roles: ["admin"], onEnter: enterPage, onSignedOut: leavePage });
const call = (path, options) => auth.call(path, options);

function leavePage() {
  if (state.stream) state.stream.stop();
  state.stream = null;
  clearInterval(state.timer);
  $("devices-view").hidden = true;
}

// ---------- Data ----------

let loadSeq = 0;

async function loadDevices() {
  if (!auth.session) return;
  const seq = ++loadSeq;
  try {
    const { data } = await call("/api/v1/admin/devices");
    if (seq !== loadSeq || !auth.session) return;
    state.devices = (data && data.devices) || [];
    render();
  } catch (error) {
    if (seq === loadSeq && auth.session) setMessage({ kind: "error", error });
  }
}

const loadSoon = throttle(() => { loadDevices(); }, 300);

async function enterPage() {
  $("devices-view").hidden = false;
  if (state.stream) state.stream.stop();
  state.stream = new LiveStream({
    load: async () => {
      const { data: hall } = await api("/api/v1/hall");
      $("centre-name").textContent = hall.centreName || "\u00a0";
      state.counters = (hall.counters || []).map((c) => c.number);
      await loadDevices();
      return hall.lastEventId;
    },
    onEvent: () => loadSoon(),
    onCounter: () => loadSoon(),
    onAlert: () => loadSoon(),
    onStatus: (status) => { $("conn-badge").hidden = status === "online"; },
  });
  clearInterval(state.timer);
  state.timer = setInterval(() => loadDevices(), REFRESH_MS);
  await state.stream.start();
}

// ---------- Actions ----------

async function bind(device, select) {
  const counter = select.value === "" ? null : Number(select.value);
  state.pendingBinding.add(device.id);
  select.disabled = true;
  try {
    const { data } = await call(`/api/v1/admin/devices/${encodeURIComponent(device.id)}/binding`, { method: "PUT", body: { counter } });
    const updated = data && data.device ? data.device : data;
    if (updated && updated.id) state.devices = state.devices.map((d) => (d.id === updated.id ? updated : d));
    setMessage(counter === null
      ? { kind: "success", key: "dev.unbound.msg", params: { d: device.name || device.id } }
      : { kind: "success", key: "dev.bound", params: { d: device.name || device.id, n: counter } });
  } catch (error) {
    setMessage({ kind: "error", error });
  } finally {
    state.pendingBinding.delete(device.id);
    select.disabled = false;
    render();
  }
}

async function test(device, button) {
  button.disabled = true;
  try {
    const { data } = await call(`/api/v1/admin/devices/${encodeURIComponent(device.id)}/test`, { method: "POST" });
    setMessage({ kind: "success", pair: data || {} });
  } catch (error) {
    setMessage({ kind: "error", error });
  } finally {
    button.disabled = false;
    loadDevices();
  }
}

function describeAction(action) {
  if (action === null || typeof action !== "object") return String(action);
  if (action.message || action.messageEn) return lang() === "en" ? action.messageEn || action.message : action.message || action.messageEn;
  return Object.entries(action).map(([k, v]) => `${k}: ${v === null ? "—" : v}`).join(", ");
}

async function sendKey(device, label, keys, output) {
  try {
    const { data } = await call(`/api/v1/admin/devices/${encodeURIComponent(device.id)}/keys`, { method: "POST", body: { keys } });
    const actions = (data && data.actions) || [];
    output.textContent = [t("dev.keys.sent", { k: label }), ...actions.map(describeAction)].join(" · ");
    output.className = "key-output ok";
  } catch (error) {
    output.textContent = errorText(error);
    output.className = "key-output error";
  }
  loadDevices();
}

// ---------- Rendering ----------

function setMessage(message) {
  state.message = message;
  renderMessage();
}

function renderMessage() {
  const box = $("devices-message");
  const message = state.message;
  box.hidden = !message;
  if (!message) return;
  box.className = `staff-message ${message.kind}`;
  if (message.error) box.textContent = errorText(message.error);
  else if (message.pair) box.textContent = lang() === "en" ? message.pair.messageEn || message.pair.message || "" : message.pair.message || message.pair.messageEn || "";
  else box.textContent = t(message.key, message.params || {});
}

function isLedBoard(device) {
  return /(^|-)led(-|$)/.test(device.profile || "");
}

/** Two 20-column lines, padded and cut exactly as the glass shows them. */
function vfdLines(screen) {
  const lines = (screen || []).slice(0, 2);
  while (lines.length < 2) lines.push("");
  return lines.map((line) => String(line).slice(0, VFD_COLUMNS).padEnd(VFD_COLUMNS, " "));
}

function createRow(device) {
  const cells = {
    name: el("b"), meta: el("small", { class: "code" }), sim: el("span", { class: "chip sim", text: t("dev.simulated") }),
    kind: el("span"), port: el("small", { class: "code" }),
    select: el("select", { class: "d-select", dataset: { testid: "bind-select" } }),
    status: el("span", { class: "status-chip" }), statusText: el("small"),
    seen: el("td", { class: "d-seen num" }), view: el("td", { class: "d-view" }),
    test: el("button", { type: "button", class: "btn small", dataset: { testid: "test" } }),
  };
  cells.select.addEventListener("change", () => bind(currentDevice(device.id), cells.select));
  cells.test.addEventListener("click", () => test(currentDevice(device.id), cells.test));
  const row = el("tr", { dataset: { device: device.id } },
    el("td", { class: "d-name" }, cells.name, cells.sim, cells.meta),
    el("td", { class: "d-kind" }, cells.kind, cells.port),
    el("td", {}, cells.select),
    el("td", { class: "d-status" }, cells.status, cells.statusText, cells.test),
    cells.seen, cells.view);
  const entry = { row, cells, viewKind: null };
  state.rows.set(device.id, entry);
  return entry;
}

function currentDevice(id) {
  return state.devices.find((d) => d.id === id) || { id };
}

function updateSelect(select, device) {
  const numbers = [...new Set([...state.counters, ...(device.counter != null ? [device.counter] : [])])].sort((a, b) => a - b);
  const wanted = ["", ...numbers.map(String)];
  const have = [...select.options].map((o) => o.value);
  if (wanted.join(",") !== have.join(",") || select.dataset.lang !== lang()) {
    select.replaceChildren(el("option", { value: "" }, t("dev.unbound")),
      ...numbers.map((n) => el("option", { value: String(n) }, t("counter.name", { n }))));
    select.dataset.lang = lang();
  }
  // Never yank the value while the admin has the list open or a change is on its way.
  if (document.activeElement !== select && !state.pendingBinding.has(device.id)) {
    select.value = device.counter == null ? "" : String(device.counter);
  }
}

function updateView(entry, device) {
  const keypad = device.simulated && KEYPAD_KEYS[device.kind];
  const viewKind = Array.isArray(device.screen) ? (isLedBoard(device) ? "screen:led" : "screen") : keypad ? `keys:${device.kind}` : "none";
  const { view } = entry.cells;
  if (entry.viewKind !== viewKind) {
    entry.viewKind = viewKind;
    if (viewKind.startsWith("screen")) {
      view.replaceChildren(el("div", { class: "vfd", dataset: { testid: "vfd" } },
        el("div", { class: "vfd-line" }), el("div", { class: "vfd-line" })));
    } else if (keypad) {
      const output = el("div", { class: "key-output", dataset: { testid: "key-output" }, "aria-live": "polite" });
      view.replaceChildren(el("div", { class: `keypad ${device.kind}`, dataset: { testid: "keypad" } },
        ...keypad.map(([label, keys]) => el("button", {
          type: "button", class: `key${keys === "\n" ? " enter" : ""}`, dataset: { key: keys === "\n" ? "enter" : keys },
          onclick: () => sendKey(currentDevice(device.id), label, keys, output),
        }, label))), output);
    } else {
      view.replaceChildren();
    }
  }
  if (viewKind === "screen:led") {
    // An LED number board shows its digits as sent, red on black, no 20-column grid.
    const lines = (device.screen || []).map(String);
    const box = view.querySelector(".vfd");
    box.classList.add("led");
    box.replaceChildren(...(lines.length ? lines : [""]).map((line) => el("div", { class: "vfd-line" }, line)));
  } else if (viewKind === "screen") {
    const lines = vfdLines(device.screen);
    const nodes = view.querySelectorAll(".vfd-line");
    lines.forEach((line, i) => { if (nodes[i].textContent !== line) nodes[i].textContent = line; });
    view.querySelector(".vfd").classList.toggle("blank", lines.every((l) => !l.trim()));
  }
}

function updateRow(entry, device) {
  const c = entry.cells;
  c.name.textContent = device.name || device.id;
  c.meta.textContent = `${device.id} · ${device.profile || "?"}`;
  c.sim.hidden = !device.simulated;
  c.kind.textContent = t(`dev.kind.${device.kind}`) === `dev.kind.${device.kind}` ? device.kind : t(`dev.kind.${device.kind}`);
  c.port.textContent = device.port || t("dash");
  updateSelect(c.select, device);
  const status = ["ok", "offline", "error", "unplugged"].includes(device.status) ? device.status : "error";
  c.status.className = `status-chip status-${status}`;
  c.status.textContent = t(`dev.status.${status}`);
  entry.row.dataset.status = status;
  const detail = lang() === "en" ? device.statusTextEn || device.statusText : device.statusText || device.statusTextEn;
  c.statusText.textContent = detail && detail !== t(`dev.status.${status}`) ? detail : "";
  c.seen.textContent = device.lastSeen ? shortTimeWithSeconds(device.lastSeen) : t("time.never");
  c.test.textContent = t("dev.test");
  entry.row.dataset.kind = device.kind;
  entry.row.dataset.counter = device.counter == null ? "" : String(device.counter);
  entry.row.dataset.simulated = device.simulated ? "true" : "false";
  updateView(entry, device);
}

function shortTimeWithSeconds(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return t("dash");
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date)
    + (Date.now() - date.getTime() > 20 * 3600 * 1000 ? ` ${new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit" }).format(date)}` : "");
}

function render() {
  const body = $("device-list");
  const ids = new Set(state.devices.map((d) => d.id));
  for (const [id, entry] of state.rows) {
    if (!ids.has(id)) { entry.row.remove(); state.rows.delete(id); }
  }
  state.devices.forEach((device, index) => {
    const entry = state.rows.get(device.id) || createRow(device);
    updateRow(entry, device);
    if (body.children[index] !== entry.row) body.insertBefore(entry.row, body.children[index] || null);
  });
  $("devices-none").hidden = state.devices.length > 0;
  $("device-count").textContent = t("dev.count", { n: state.devices.length });
}

// ---------- Start ----------

async function init() {
  applyI18n();
  document.title = t("dev.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => {
    document.title = t("dev.doc.title");
    for (const entry of state.rows.values()) entry.cells.sim.textContent = t("dev.simulated");
    if (auth.session) { render(); renderMessage(); }
  });
  api("/api/v1/hall").then(({ data }) => { $("centre-name").textContent = data.centreName || "\u00a0"; }).catch(() => {});
  await auth.start();
}

init();
