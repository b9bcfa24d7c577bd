// The ticket kiosk: choose a field (a priority first, as a step of its own, if the citizen has one), get a number,
// go back to the start. After the cutoff and on closed days it says when to come back instead. Holding the top-left
// corner opens the admin's PIN pad and, with the right PIN, this kiosk's settings.
import { api, LiveStream, stampText } from "/common.js";
import { t, applyI18n, bindLangSwitch, onLangChange, fieldName, priorityName, errorText, lang, setLang } from "/i18n.js";

const RETURN_AFTER_SECONDS = 20;
// What a kiosk does before GET /api/v1/kiosk/settings answers, or with a server that has no such route: a citizen
// who walks away leaves the next one a kiosk in Vietnamese with no priority chosen, 30 s later, with every field.
const DEFAULT_SETTINGS = { language: "vi", idleSeconds: 30, fields: null, printer: null, pinSet: null };
// Long enough that no citizen opens the PIN pad by leaning on the corner.
const LONG_PRESS_MS = 3000;
const TOAST_MS = 4000;
// A field button stays a comfortable touch target: never shorter than this (rem).
const FIELD_MIN_HEIGHT_REM = 7;
const SCREENS = ["screen-choose", "screen-priority", "screen-busy", "screen-ticket", "screen-error", "screen-closed",
  "screen-pin", "screen-settings"];
const $ = (id) => document.getElementById(id);

const state = {
  allFields: [], // the hall's fields, as /api/v1/hall lists them
  fields: [], // those this kiosk offers (its settings may narrow the list)
  page: 0, // the page of fields shown, when they do not all fit
  pageSize: 0, // fields per page as the screen fits them (0 until measured)
  priority: "none",
  issued: null,
  busy: false,
  countdown: 0,
  countdownTimer: null,
  screen: "screen-choose",
  // null while tickets are issued; else {message, messageEn, nextOpening} from the hall or a 409 hall_closed.
  closed: null,
  // Whether the server's /api/v1/hall says if it issues ("issuing"); an older one does not.
  hallKnowsIssuing: false,
  settings: { ...DEFAULT_SETTINGS },
  // The unlocked settings screen: {token, printers, fields}; null while locked.
  unlock: null,
};

function show(screen) {
  state.screen = screen;
  for (const id of SCREENS) $(id).hidden = id !== screen;
}

/** The start: the field grid, or the "come back at …" screen while the hall gives no numbers. */
function showHome() {
  show(state.closed ? "screen-closed" : "screen-choose");
  if (state.closed) renderClosed();
  // The grid is measured as it is shown: laid out while hidden it would get the wrong number of rows.
  else renderFields();
}

// ---------- Fields ----------

function renderFields() {
  const grid = $("field-grid");
  grid.replaceChildren();
  if (state.fields.length === 0) {
    const note = document.createElement("p");
    note.className = "kiosk-note";
    note.textContent = t("kiosk.no.fields");
    grid.append(note);
    $("field-pager").hidden = true;
    return;
  }
  // The first field of the page shown stays on screen when the page size changes (resize, language).
  const first = state.page * (state.pageSize || 1);
  const shape = gridShape();
  drawPage(shape, first);
  // Showing the pager took room from the grid: measure again, with it.
  const again = gridShape();
  if (again.rows !== shape.rows || again.columns !== shape.columns) drawPage(again, first);
}

function drawPage({ columns, rows }, first) {
  const grid = $("field-grid");
  state.pageSize = columns * rows;
  const pages = Math.max(1, Math.ceil(state.fields.length / state.pageSize));
  state.page = Math.min(Math.floor(first / state.pageSize), pages - 1);
  grid.replaceChildren();
  grid.dataset.count = String(state.fields.length);
  grid.style.setProperty("--columns", String(columns));
  grid.style.setProperty("--rows", String(rows));
  for (const field of state.fields.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize)) {
    const button = fieldButton(field);
    button.addEventListener("click", () => issue(field.code));
    grid.append(button);
  }
  renderPager(pages);
}

function fieldButton(field) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "field-btn";
  button.dataset.field = field.code;
  button.dataset.testid = `field-${field.code}`;
  button.innerHTML = `
    <span class="field-prefix num"></span>
    <span class="field-text">
      <span class="field-name"></span>
      <span class="field-alt"></span>
      <span class="field-waiting"></span>
    </span>`;
  button.querySelector(".field-prefix").textContent = field.prefix;
  fillFieldTexts(button, field);
  return button;
}

/**
 * How many columns and rows of field buttons fit the grid's box on this screen: 2 columns on a portrait
 * screen or with 4 fields or fewer, else 3; as many rows as keep each button at least FIELD_MIN_HEIGHT_REM
 * tall and tall enough for the longest name. Fields beyond one page go to further pages (never under the
 * priority step), all pages the same size.
 */
function gridShape() {
  const portrait = window.innerHeight > window.innerWidth;
  const columns = portrait || state.fields.length <= 4 ? 2 : 3;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const grid = $("field-grid");
  const height = grid.clientHeight || window.innerHeight * 0.5;
  const gap = 1.25 * rem;
  const row = Math.max(FIELD_MIN_HEIGHT_REM * rem, tallestButton((grid.clientWidth - gap * (columns - 1)) / columns));
  const fit = Math.max(1, Math.floor((height + gap) / (row + gap)));
  const needed = Math.ceil(state.fields.length / columns);
  return { columns, rows: Math.min(fit, needed) };
}

/**
 * The height (px) the tallest field button needs at this width, in the current language: a long name wraps to
 * two lines, and a button cut to FIELD_MIN_HEIGHT_REM would hide its last line and the waiting count. Laid out
 * off screen, with a long waiting line so that the count growing later does not cut it either.
 */
function tallestButton(width) {
  if (!(width > 0)) return 0;
  const probe = document.createElement("div");
  probe.className = "field-probe";
  probe.style.width = `${width}px`;
  for (const field of state.fields) probe.append(fieldButton({ ...field, waiting: 888, estimatedWaitMinutes: 188 }));
  document.body.append(probe);
  const tallest = Math.max(0, ...[...probe.children].map((button) => button.offsetHeight));
  probe.remove();
  return tallest;
}

function renderPager(pages) {
  const pager = $("field-pager");
  pager.hidden = pages <= 1;
  $("page-prev").disabled = state.page === 0;
  $("page-next").disabled = state.page >= pages - 1;
  $("page-text").textContent = t("kiosk.page", { p: state.page + 1, n: pages });
}

function turnPage(step) {
  state.page = Math.max(0, state.page + step);
  renderFields();
}

function updateFieldTexts() {
  for (const field of state.fields) {
    const button = $("field-grid").querySelector(`.field-btn[data-field="${CSS.escape(field.code)}"]`);
    if (button) fillFieldTexts(button, field);
  }
}

function fillFieldTexts(button, field) {
  button.querySelector(".field-name").textContent = fieldName(field);
  // The other language underneath, smaller: helps visitors who read either.
  button.querySelector(".field-alt").textContent = document.documentElement.lang === "en" ? field.name : field.nameEn;
  const waiting = button.querySelector(".field-waiting");
  waiting.textContent = field.waiting > 0 && field.estimatedWaitMinutes > 0
    ? `${t("kiosk.waiting", { n: field.waiting })} · ${t("kiosk.estimate", { n: field.estimatedWaitMinutes })}`
    : t("kiosk.waiting", { n: field.waiting });
  waiting.dataset.waiting = String(field.waiting);
}

function applyWaiting(waiting) {
  if (!waiting) return;
  for (const field of state.fields) {
    if (typeof waiting[field.code] === "number") field.waiting = waiting[field.code];
  }
  updateFieldTexts();
}

// ---------- Priority (a step of its own) ----------

function bindPriority() {
  $("priority-step").addEventListener("click", () => show("screen-priority"));
  for (const button of document.querySelectorAll(".priority-btn")) {
    button.addEventListener("click", () => {
      setPriority(button.dataset.priority);
      showHome();
    });
  }
  $("priority-back").addEventListener("click", () => {
    setPriority("none");
    showHome();
  });
  $("priority-clear").addEventListener("click", () => setPriority("none"));
}

/** The priority the next ticket carries ("none" for none): the banner over the fields says which. */
function setPriority(code) {
  state.priority = code;
  for (const button of document.querySelectorAll(".priority-btn")) {
    const on = button.dataset.priority === code;
    button.classList.toggle("selected", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  renderPriorityChosen();
}

function renderPriorityChosen() {
  const chosen = state.priority !== "none";
  $("priority-step").hidden = chosen;
  $("priority-chosen").hidden = !chosen;
  $("priority-chosen-text").textContent = chosen ? t("kiosk.priority.note", { p: priorityName(state.priority) }) : "";
}

// ---------- Issuing ----------

async function issue(fieldCode) {
  if (state.busy) return;
  state.busy = true;
  show("screen-busy");
  try {
    const { data } = await api("/api/v1/tickets", { method: "POST", body: { field: fieldCode, priority: state.priority } });
    state.issued = data;
    state.reprintRefused = null;
    renderTicket();
    show("screen-ticket");
    startCountdown();
  } catch (error) {
    if (error.code === "hall_closed") {
      closedByRefusal(error);
      return;
    }
    state.lastError = error;
    $("error-message").textContent = errorText(error);
    show("screen-error");
    startCountdown();
  } finally {
    state.busy = false;
  }
}

function renderTicket() {
  const ticket = state.issued;
  if (!ticket) return;
  $("issued-number").textContent = ticket.number;
  $("issued-field").textContent = fieldName({ name: ticket.fieldName, nameEn: ticket.fieldNameEn });
  const priority = $("issued-priority");
  priority.hidden = !ticket.priority || ticket.priority === "none";
  priority.textContent = t("kiosk.priority.note", { p: priorityName(ticket.priority) });
  $("issued-ahead").textContent = String(ticket.ahead);
  $("issued-wait").textContent = ticket.estimatedWaitMinutes > 0
    ? t("unit.minutes", { n: ticket.estimatedWaitMinutes })
    : t("kiosk.wait.none");
  $("issued-wait").classList.toggle("text", !(ticket.estimatedWaitMinutes > 0));
  const url = new URL(ticket.statusUrl, location.origin).href;
  const link = $("status-link");
  link.textContent = url.replace(/^https?:\/\//, "");
  link.dataset.url = url;
  link.dataset.token = ticket.token;
  const status = ticket.printed && ticket.printed.status;
  renderPrintNote();
  showTicketImage(ticket.token, status);
  showStatusQR(ticket.token);
  if (status === "queued") followPrinting(ticket);
}

/** What the printer did with this ticket, and "Lấy lại vé" when no paper came out. */
function renderPrintNote() {
  const ticket = state.issued;
  const printed = ticket.printed || {};
  const status = printed.status;
  const note = $("print-note");
  note.classList.toggle("warn", status === "failed");
  // On a printer problem the server's Vietnamese reason ("Máy in hết giấy") goes first.
  const reason = status === "failed" && printed.message && lang() === "vi" ? printed.message + " – " : "";
  note.textContent = status === "failed" ? reason + t("kiosk.print.failed")
    : status === "printed" ? t("kiosk.print.ok")
    : status === "queued" ? t("kiosk.print.queued")
    : t("kiosk.print.none");
  if (state.reprintRefused) note.textContent = t("kiosk.reprint.refused") + state.reprintRefused;
  $("btn-reprint").hidden = status !== "failed";
}

/**
 * The issue answer said "queued" (the printer had not finished within the server's deadline, or another
 * ticket was printing): ask how the job ended, once a second, while this ticket is on screen.
 */
async function followPrinting(ticket) {
  for (let tries = 0; tries < 30 && state.issued === ticket; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (state.issued !== ticket) return;
    try {
      const { data } = await api(`/api/v1/public/tickets/${encodeURIComponent(ticket.token)}/print`);
      if (state.issued !== ticket || data.status === "queued") continue;
      ticket.printed = data;
      renderPrintNote();
      showTicketImage(ticket.token, data.status);
      return;
    } catch (_) {
      // A lost answer is asked again next second; the number is already on screen.
    }
  }
}

/** "Lấy lại vé": the citizen asks for the paper again after a failed print. */
async function reprint() {
  const ticket = state.issued;
  if (!ticket || state.busy) return;
  state.busy = true;
  $("btn-reprint").disabled = true;
  startCountdown();
  try {
    const { data } = await api(`/api/v1/public/tickets/${encodeURIComponent(ticket.token)}/reprint`, { method: "POST" });
    ticket.printed = data;
    state.reprintRefused = null;
    renderPrintNote();
    if (data.status === "queued") followPrinting(ticket);
  } catch (error) {
    state.reprintRefused = errorText(error);
    renderPrintNote();
  } finally {
    state.busy = false;
    $("btn-reprint").disabled = false;
  }
}

/** The last ticket as the printer drew it, so the citizen sees what the paper says (or would have said). */
function showTicketImage(token, status) {
  const image = $("ticket-image");
  image.hidden = true;
  if (!status || status === "none") return;
  image.onload = () => { image.hidden = false; };
  image.onerror = () => { image.hidden = true; };
  image.src = `/api/v1/public/tickets/${encodeURIComponent(token)}/ticket.png`;
}

/** The status link as a QR code, drawn by the server (libqrencode) from the same link as the text under it. */
function showStatusQR(token) {
  const image = $("status-qr");
  const src = `/api/v1/public/tickets/${encodeURIComponent(token)}/qr.svg`;
  if (image.getAttribute("src") === src) return; // a language switch re-renders the ticket: keep the image
  // Keep its place but never show the previous ticket's code while the new one loads.
  image.hidden = false;
  image.classList.add("loading");
  image.onload = () => { image.classList.remove("loading"); };
  image.onerror = () => { image.hidden = true; };
  image.src = src;
}

function startCountdown() {
  stopCountdown();
  state.countdown = RETURN_AFTER_SECONDS;
  renderCountdown();
  state.countdownTimer = setInterval(() => {
    state.countdown -= 1;
    if (state.countdown <= 0) backToStart();
    else renderCountdown();
  }, 1000);
}

function renderCountdown() {
  $("return-countdown").textContent = state.countdown > 0 ? t("kiosk.returning", { n: state.countdown }) : "";
}

function stopCountdown() {
  clearInterval(state.countdownTimer);
  state.countdownTimer = null;
}

function backToStart() {
  stopCountdown();
  state.issued = null;
  state.reprintRefused = null;
  lock();
  resetForNextCitizen();
  showHome();
}

/** The default language, no priority: what every citizen finds, after a ticket and after the idle time untouched. */
function resetForNextCitizen() {
  setPriority("none");
  if (state.page !== 0) { state.page = 0; renderFields(); }
  if (lang() !== state.settings.language) setLang(state.settings.language);
}

let idleTimer = null;

function armIdleReset() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(idleReset, state.settings.idleSeconds * 1000);
}

/**
 * Nobody touched the kiosk for the idle time. The ticket and error screens go back on their own countdown and the
 * busy one waits for the server; anything else returns to the start, a forgotten settings screen included.
 */
function idleReset() {
  if (["screen-busy", "screen-ticket", "screen-error"].includes(state.screen)) return;
  // An older server never says when it opens again: the grid comes back, and the next touch asks again.
  if (state.screen === "screen-closed" && !state.hallKnowsIssuing) state.closed = null;
  if (state.screen === "screen-choose" || state.closed) resetForNextCitizen();
  if (state.screen !== "screen-choose") backToStart();
}

// ---------- Closed: when to come back ----------

/**
 * What GET /api/v1/hall says about issuing: {open: false, nextOpening, message, messageEn} closes the kiosk,
 * {open: true} opens it. A server without the field leaves the kiosk as it was (open unless a ticket was refused).
 */
function applyIssuing(issuing) {
  state.hallKnowsIssuing = !!issuing;
  if (!issuing) return;
  setClosed(issuing.open === false ? issuing : null);
}

/** POST /tickets answered 409 hall_closed: say when to come back (the hall read fills in the next opening). */
function closedByRefusal(error) {
  state.closed = { message: error.message, messageEn: error.messageEn, nextOpening: null };
  setPriority("none");
  showHome();
  // The error as api() hands it over carries the words only; the hall has the next opening as an instant.
  loadHall().catch(() => {});
}

/** Switches between the field grid and the closed screen when it is what the kiosk shows now. */
function setClosed(closed) {
  const was = state.closed;
  state.closed = closed;
  const home = ["screen-choose", "screen-priority", "screen-closed", "screen-busy"].includes(state.screen);
  if (!home) return; // a ticket, an error or the settings on screen: the start is shown when they end
  if (!closed && !was) return;
  if (closed && was && state.screen === "screen-closed") {
    renderClosed();
    return;
  }
  if (state.screen === "screen-busy") return; // the answer to the ticket decides what comes next
  if (closed) setPriority("none"); // no numbers now: a chosen priority would outlive the citizen who chose it
  showHome();
}

function renderClosed() {
  const closed = state.closed;
  if (!closed) return;
  const english = lang() === "en";
  $("closed-message").textContent = (english ? closed.messageEn || closed.message : closed.message || closed.messageEn) || "";
  const when = closed.nextOpening ? stampText(lang(), closed.nextOpening) : "";
  $("closed-next").hidden = !when;
  $("closed-next-time").textContent = when;
}

// ---------- Kiosk settings (behind the admin's PIN) ----------

/** This kiosk's settings (by its address): the default language, the idle time, which fields, whether a PIN is set. */
async function loadKioskSettings() {
  const { data } = await api("/api/v1/kiosk/settings");
  applyKioskSettings(data);
}

function applyKioskSettings(data) {
  const idle = Number(data && data.idleSeconds);
  state.settings = {
    language: data && data.language === "en" ? "en" : "vi",
    idleSeconds: Number.isFinite(idle) && idle >= 10 ? idle : DEFAULT_SETTINGS.idleSeconds,
    fields: data && Array.isArray(data.fields) ? data.fields : null,
    printer: (data && data.printer) || null,
    pinSet: data ? data.pinSet === true : null,
  };
  armIdleReset();
  applyFields();
}

/**
 * The hall's fields narrowed to the kiosk's own list, in the hall's order. A list none of whose codes the hall
 * knows any more (the catalog changed since) would leave a kiosk with nothing to press: it then offers them all.
 */
function applyFields() {
  const chosen = state.settings.fields;
  const narrowed = chosen ? state.allFields.filter((field) => chosen.includes(field.code)) : state.allFields;
  const fields = narrowed.length > 0 ? narrowed : state.allFields;
  const changed = !sameFields(fields);
  state.fields = fields;
  if (changed) renderFields();
  else updateFieldTexts();
}

/** The corner held LONG_PRESS_MS: the PIN pad, or a short note when the admin set no PIN. */
function bindCornerPress() {
  const corner = $("kiosk-corner");
  let timer = null;
  const cancel = () => { clearTimeout(timer); timer = null; };
  corner.addEventListener("pointerdown", () => {
    cancel();
    timer = setTimeout(() => { timer = null; cornerHeld(); }, LONG_PRESS_MS);
  });
  for (const kind of ["pointerup", "pointercancel", "pointerleave"]) corner.addEventListener(kind, cancel);
}

async function cornerHeld() {
  if (state.busy || state.screen === "screen-pin" || state.screen === "screen-settings") return;
  // The admin may have set the PIN since the kiosk started: ask again before saying there is none.
  await loadKioskSettings().catch(() => {});
  if (state.settings.pinSet === false) {
    toast(t("kiosk.pin.unset"));
    return;
  }
  openPinPad();
}

function openPinPad(message = "") {
  stopCountdown();
  state.unlock = null;
  $("pin-input").value = "";
  showPinError(message);
  show("screen-pin");
  $("pin-input").focus();
}

function showPinError(message) {
  $("pin-error").textContent = message;
  $("pin-error").hidden = !message;
}

function bindPinPad() {
  $("pin-pad").addEventListener("click", (event) => {
    const key = event.target.closest("[data-digit]");
    if (!key) return;
    const input = $("pin-input");
    input.value = key.dataset.digit === "back" ? input.value.slice(0, -1) : (input.value + key.dataset.digit).slice(0, 8);
  });
  $("pin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    unlock();
  });
  $("pin-cancel").addEventListener("click", backToStart);
}

/** POST /kiosk/unlock: the right PIN opens the settings; any refusal is said on the pad in words. */
async function unlock() {
  const pin = $("pin-input").value.trim();
  if (!pin) {
    showPinError(t("kiosk.pin.empty"));
    return;
  }
  $("pin-ok").disabled = true;
  showPinError("");
  try {
    const { data } = await api("/api/v1/kiosk/unlock", { method: "POST", body: { pin } });
    if (state.screen !== "screen-pin") return; // the idle reset closed the pad meanwhile
    state.unlock = { token: data.token, printers: data.printers || [], fields: data.fields || [] };
    if (data.settings) applyKioskSettings(data.settings);
    openSettings();
  } catch (error) {
    if (error.code === "kiosk_pin_unset") {
      backToStart();
      toast(errorText(error));
      return;
    }
    $("pin-input").value = "";
    showPinError(errorText(error));
  } finally {
    $("pin-ok").disabled = false;
  }
}

function openSettings() {
  fillSettingsForm();
  settingsMessage("", "");
  $("test-print-result").textContent = "";
  show("screen-settings");
}

/** The form from the kiosk's current settings and what the unlock listed (printers, every catalog field). */
function fillSettingsForm() {
  const { printers, fields } = state.unlock;
  const settings = state.settings;
  const select = $("set-printer");
  select.replaceChildren(new Option(t("kiosk.settings.printer.default"), ""));
  for (const printer of printers) select.append(new Option(printer.name || printer.id, printer.id));
  // A printer saved earlier but not plugged in now stays visible, rather than silently becoming the default.
  if (settings.printer && !printers.some((printer) => printer.id === settings.printer)) {
    select.append(new Option(t("kiosk.settings.printer.missing", { p: settings.printer }), settings.printer));
  }
  select.value = settings.printer || "";
  $("set-language").value = settings.language;
  $("set-idle").value = String(settings.idleSeconds);
  const list = $("set-fields");
  list.replaceChildren();
  for (const field of fields) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = field.code;
    box.dataset.testid = `set-field-${field.code}`;
    box.checked = !settings.fields || settings.fields.includes(field.code);
    const name = document.createElement("span");
    name.className = "set-field-name";
    name.dataset.code = field.code;
    name.textContent = fieldName(field);
    const label = document.createElement("label");
    label.className = "set-field";
    label.append(box, name);
    list.append(label);
  }
}

/** The line beside "Lưu": kind "ok" (green), "warn" (red) or "" (a step under way). */
function settingsMessage(text, kind) {
  const line = $("settings-message");
  line.textContent = text;
  line.classList.toggle("ok", kind === "ok");
  line.classList.toggle("warn", kind === "warn");
}

/** The form as PUT /kiosk/settings takes it; every field ticked is sent as "all" (null), so new fields appear too. */
function settingsFromForm() {
  const boxes = [...$("set-fields").querySelectorAll("input[type=checkbox]")];
  const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
  return {
    token: state.unlock.token,
    language: $("set-language").value,
    idleSeconds: Number($("set-idle").value),
    fields: ticked.length === boxes.length ? null : ticked,
    printer: $("set-printer").value || null,
  };
}

async function saveSettings() {
  if (!state.unlock) return;
  const body = settingsFromForm();
  if (!Number.isInteger(body.idleSeconds) || body.idleSeconds < 10 || body.idleSeconds > 600) {
    settingsMessage(t("kiosk.settings.idle.invalid"), "warn");
    return;
  }
  $("btn-settings-save").disabled = true;
  settingsMessage(t("kiosk.settings.saving"), "");
  try {
    const { data } = await api("/api/v1/kiosk/settings", { method: "PUT", body });
    applyKioskSettings(data);
    settingsMessage(t("kiosk.settings.saved"), "ok");
  } catch (error) {
    settingsRefused(error, (text) => settingsMessage(text, "warn"));
  } finally {
    $("btn-settings-save").disabled = false;
  }
}

/** POST /kiosk/test-print: one test ticket on this kiosk's printer; the answer (or the trouble) in words. */
async function testPrint() {
  if (!state.unlock) return;
  const result = $("test-print-result");
  result.classList.remove("warn", "ok");
  result.textContent = t("kiosk.settings.test.running");
  $("btn-test-print").disabled = true;
  try {
    const { data } = await api("/api/v1/kiosk/test-print", { method: "POST", body: { token: state.unlock.token } });
    const printer = state.unlock.printers.find((p) => p.id === data.printer);
    const printed = data.status === "printed";
    // Printed: say on which printer by name; anything else: the server's own words about what happened.
    const detail = lang() === "en" ? data.messageEn || data.message : data.message || data.messageEn;
    result.textContent = printed ? t("kiosk.settings.test.printed", { p: printer ? printer.name : data.printer })
      : detail || t("error.unknown", { code: data.status });
    result.classList.add(printed ? "ok" : "warn");
  } catch (error) {
    settingsRefused(error, (text) => { result.textContent = text; result.classList.add("warn"); });
  } finally {
    $("btn-test-print").disabled = false;
  }
}

/** A refused settings call: an expired key goes back to the PIN pad (saying so); anything else is shown by `say`. */
function settingsRefused(error, say) {
  if (error.code === "kiosk_locked") openPinPad(errorText(error));
  else say(errorText(error));
}

function bindSettings() {
  $("settings-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveSettings();
  });
  $("btn-test-print").addEventListener("click", testPrint);
  $("btn-settings-close").addEventListener("click", backToStart);
}

/** Forgets the settings key: closing, or the idle reset, locks the kiosk again. */
function lock() {
  state.unlock = null;
}

let toastTimer = null;

/** A short note over the header that goes away by itself (e.g. "no PIN set" after holding the corner). */
function toast(text) {
  const box = $("kiosk-toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, TOAST_MS);
}

// ---------- Start ----------

async function loadHall() {
  const { data } = await api("/api/v1/hall");
  $("centre-name").textContent = data.centreName || "\u00a0";
  state.allFields = data.fields || [];
  applyFields();
  applyIssuing(data.issuing);
  return data.lastEventId;
}

function sameFields(fields) {
  const shown = state.shownCodes;
  const codes = (fields || []).map((f) => f.code).join(",");
  state.shownCodes = codes;
  return shown !== undefined && shown === codes;
}

/** Settings first (which fields, which language), then the hall; a server without kiosk settings keeps the defaults. */
async function loadAll() {
  await loadKioskSettings().catch(() => {});
  return loadHall();
}

/**
 * A kiosk starting with nothing chosen on this browser (no ?lang=, nothing remembered) starts in its default
 * language; a choice made here is kept over a reload until the next reset.
 */
function startLanguage() {
  let remembered = null;
  // i18n.js keeps a language chosen on this browser under "khongcho.lang".
  try { remembered = localStorage.getItem("khongcho.lang"); } catch (_) { /* storage disabled */ }
  if (!remembered && !new URLSearchParams(location.search).get("lang") && lang() !== state.settings.language) {
    setLang(state.settings.language);
  }
}

function init() {
  applyI18n();
  bindLangSwitch($("lang-switch"));
  onLangChange(() => {
    document.title = t("kiosk.doc.title");
    // Names change length with the language: measure the grid again where it is shown, else just the texts.
    if (state.screen === "screen-choose") renderFields();
    else updateFieldTexts();
    renderPriorityChosen();
    renderTicket();
    renderCountdown();
    renderClosed();
    if (state.lastError && !$("screen-error").hidden) $("error-message").textContent = errorText(state.lastError);
    if (state.unlock) {
      $("set-printer").options[0].text = t("kiosk.settings.printer.default");
      for (const name of $("set-fields").querySelectorAll(".set-field-name")) {
        name.textContent = fieldName(state.unlock.fields.find((field) => field.code === name.dataset.code));
      }
    }
  });
  document.title = t("kiosk.doc.title");
  bindPriority();
  bindCornerPress();
  bindPinPad();
  bindSettings();
  $("page-prev").addEventListener("click", () => turnPage(-1));
  $("page-next").addEventListener("click", () => turnPage(1));
  window.addEventListener("resize", () => { if (!$("screen-choose").hidden) renderFields(); });
  $("btn-done").addEventListener("click", backToStart);
  $("btn-reprint").addEventListener("click", reprint);
  $("btn-error-back").addEventListener("click", backToStart);
  // A touch kiosk: no long-press menus, no text selection, no pinch zoom.
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  document.addEventListener("gesturestart", (event) => event.preventDefault());
  for (const kind of ["pointerdown", "keydown"]) document.addEventListener(kind, armIdleReset, true);
  armIdleReset();

  let first = true;
  const stream = new LiveStream({
    load: async () => {
      const id = await loadAll();
      if (first) startLanguage();
      first = false;
      return id;
    },
    onEvent: (event) => applyWaiting(event.waiting),
    onStatus: (status) => { $("conn-badge").hidden = status === "online"; },
  });
  stream.start();
  // A slow safety net for anything the stream does not carry (catalog edits, the closing time passing).
  // Estimates move with service times, not only with events: refresh them every 20 s.
  setInterval(() => { if (stream.online) loadHall().catch(() => {}); }, 20000);
}

init();
