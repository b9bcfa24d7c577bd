// The ticket kiosk: choose a priority (optional) and a field, get a number, go back to the start.
import { api, LiveStream } from "/common.js";
import { t, applyI18n, bindLangSwitch, onLangChange, fieldName, priorityName, errorText, lang, setLang } from "/i18n.js";

const RETURN_AFTER_SECONDS = 20;
// A citizen who walks away leaves the next one a kiosk in Vietnamese with no priority chosen.
const IDLE_RESET_SECONDS = 30;
// A field button stays a comfortable touch target: never shorter than this (rem).
const FIELD_MIN_HEIGHT_REM = 7;
const $ = (id) => document.getElementById(id);

const state = {
  fields: [],
  page: 0, // the page of fields shown, when they do not all fit
  pageSize: 0, // fields per page as the screen fits them (0 until measured)
  priority: "none",
  issued: null,
  busy: false,
  countdown: 0,
  countdownTimer: null,
};

function show(screen) {
  for (const id of ["screen-choose", "screen-busy", "screen-ticket", "screen-error"]) $(id).hidden = id !== screen;
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
  const { columns, rows } = gridShape();
  state.pageSize = columns * rows;
  const pages = Math.max(1, Math.ceil(state.fields.length / state.pageSize));
  state.page = Math.min(state.page, pages - 1);
  grid.dataset.count = String(state.fields.length);
  grid.style.setProperty("--columns", String(columns));
  grid.style.setProperty("--rows", String(rows));
  for (const field of state.fields.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize)) {
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
    button.addEventListener("click", () => issue(field.code));
    grid.append(button);
  }
  renderPager(pages);
  updateFieldTexts();
}

/**
 * How many columns and rows of field buttons fit the grid's box on this screen: 2 columns on a portrait
 * screen or with 4 fields or fewer, else 3; as many rows as keep each button at least FIELD_MIN_HEIGHT_REM
 * tall. Fields beyond one page go to further pages (never under the priority panel).
 */
function gridShape() {
  const portrait = window.innerHeight > window.innerWidth;
  const columns = portrait || state.fields.length <= 4 ? 2 : 3;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const height = $("field-grid").clientHeight || window.innerHeight * 0.5;
  const gap = 1.25 * rem;
  const fit = Math.max(1, Math.floor((height + gap) / (FIELD_MIN_HEIGHT_REM * rem + gap)));
  const needed = Math.ceil(state.fields.length / columns);
  return { columns, rows: Math.min(fit, needed) };
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
    const button = document.querySelector(`.field-btn[data-field="${CSS.escape(field.code)}"]`);
    if (!button) continue;
    button.querySelector(".field-name").textContent = fieldName(field);
    // The other language underneath, smaller: helps visitors who read either.
    button.querySelector(".field-alt").textContent = document.documentElement.lang === "en" ? field.name : field.nameEn;
    const waiting = button.querySelector(".field-waiting");
    waiting.textContent = field.waiting > 0 && field.estimatedWaitMinutes > 0
      ? `${t("kiosk.waiting", { n: field.waiting })} · ${t("kiosk.estimate", { n: field.estimatedWaitMinutes })}`
      : t("kiosk.waiting", { n: field.waiting });
    waiting.dataset.waiting = String(field.waiting);
  }
}

function applyWaiting(waiting) {
  if (!waiting) return;
  for (const field of state.fields) {
    if (typeof waiting[field.code] === "number") field.waiting = waiting[field.code];
  }
  updateFieldTexts();
}

// ---------- Priority ----------

function bindPriority() {
  for (const button of document.querySelectorAll(".priority-btn")) {
    button.addEventListener("click", () => {
      const code = button.dataset.priority;
      setPriority(state.priority === code ? "none" : code);
    });
  }
}

function setPriority(code) {
  state.priority = code;
  for (const button of document.querySelectorAll(".priority-btn")) {
    const on = button.dataset.priority === code;
    button.classList.toggle("selected", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
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
  resetForNextCitizen();
  show("screen-choose");
}

/** Vietnamese, no priority: what every citizen finds, after a ticket and after IDLE_RESET_SECONDS untouched. */
function resetForNextCitizen() {
  setPriority("none");
  if (state.page !== 0) { state.page = 0; renderFields(); }
  if (lang() !== "vi") setLang("vi");
}

let idleTimer = null;

function armIdleReset() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (!$("screen-choose").hidden) resetForNextCitizen();
  }, IDLE_RESET_SECONDS * 1000);
}

// ---------- Start ----------

async function loadHall() {
  const { data } = await api("/api/v1/hall");
  $("centre-name").textContent = data.centreName || "\u00a0";
  const changed = !sameFields(data.fields);
  state.fields = data.fields || [];
  if (changed) renderFields();
  else updateFieldTexts();
  return data.lastEventId;
}

function sameFields(fields) {
  const shown = state.shownCodes;
  const codes = (fields || []).map((f) => f.code).join(",");
  state.shownCodes = codes;
  return shown !== undefined && shown === codes;
}

function init() {
  applyI18n();
  bindLangSwitch($("lang-switch"));
  onLangChange(() => {
    document.title = t("kiosk.doc.title");
    updateFieldTexts();
    renderPager(Math.max(1, Math.ceil(state.fields.length / (state.pageSize || 1))));
    renderTicket();
    renderCountdown();
    if (state.lastError && !$("screen-error").hidden) $("error-message").textContent = errorText(state.lastError);
  });
  document.title = t("kiosk.doc.title");
  bindPriority();
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

  const stream = new LiveStream({
    load: loadHall,
    onEvent: (event) => applyWaiting(event.waiting),
    onStatus: (status) => { $("conn-badge").hidden = status === "online"; },
  });
  stream.start();
  // A slow safety net for anything the stream does not carry (e.g. catalog edits).
  // Estimates move with service times, not only with events: refresh them every 20 s.
  setInterval(() => { if (stream.online) loadHall().catch(() => {}); }, 20000);
}

init();
