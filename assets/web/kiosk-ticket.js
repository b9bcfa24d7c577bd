// Issuing a number and the screens that follow it: the ticket (number, people ahead, the wait, a booking's slot, what
// the printer did, "Lấy lại vé" when no paper came out, the status link as a QR code) or the error, each going back to
// the start by itself after RETURN_AFTER_SECONDS.
import { api } from "/common.js";
import { t, fieldName, priorityName, errorText, lang } from "/i18n.js";
import { $, state, show } from "/kiosk-state.js";
import { closedByRefusal } from "/kiosk-closed.js";

const RETURN_AFTER_SECONDS = 20;

// The entry's return to the start, handed over by bindTicket (it resets more than these screens).
let backToStart = () => {};

export function bindTicket(hooks) {
  ({ backToStart } = hooks);
  $("btn-done").addEventListener("click", backToStart);
  $("btn-reprint").addEventListener("click", reprint);
  $("btn-error-back").addEventListener("click", backToStart);
}

export async function issue(fieldCode) {
  if (state.busy) return;
  state.busy = true;
  show("screen-busy");
  try {
    // After an ID card scan the ticket carries the citizen's name (kiosk-idcard.js).
    const citizen = state.citizen ? { citizen: state.citizen } : {};
    const { data } = await api("/api/v1/tickets", { method: "POST", body: { field: fieldCode, priority: state.priority, ...citizen } });
    showIssued(data);
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

/** The ticket screen for a ticket just issued (a walk-in's, or a booking's checked in by kiosk-booking.js). */
export function showIssued(ticket) {
  // The name of an ID card scanned for it is shown on this ticket, then forgotten: the next ticket is someone else's.
  if (state.citizen && !ticket.citizenName) ticket.citizenName = state.citizen.name;
  state.citizen = null;
  state.issued = ticket;
  state.reprintRefused = null;
  renderTicket();
  show("screen-ticket");
  startCountdown();
}

/** The error screen's words again, in the language now chosen. */
export function renderError() {
  if (state.lastError && !$("screen-error").hidden) $("error-message").textContent = errorText(state.lastError);
}

export function renderTicket() {
  const ticket = state.issued;
  if (!ticket) return;
  $("issued-number").textContent = ticket.number;
  $("issued-field").textContent = fieldName({ name: ticket.fieldName, nameEn: ticket.fieldNameEn });
  const priority = $("issued-priority");
  priority.hidden = !ticket.priority || ticket.priority === "none";
  priority.textContent = t("kiosk.priority.note", { p: priorityName(ticket.priority) });
  // A booking's ticket says which slot it was booked for (kiosk-booking.js adds the booking it read).
  const booking = $("issued-booking");
  booking.hidden = !(ticket.booking && ticket.booking.slot);
  booking.textContent = booking.hidden ? "" : t("kiosk.booking.line", { slot: ticket.booking.slot });
  const citizen = $("issued-citizen");
  citizen.hidden = !ticket.citizenName;
  citizen.textContent = citizen.hidden ? "" : t("kiosk.id.ticket", { name: ticket.citizenName });
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

// ---------- Back to the start by itself ----------

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

export function renderCountdown() {
  $("return-countdown").textContent = state.countdown > 0 ? t("kiosk.returning", { n: state.countdown }) : "";
}

export function stopCountdown() {
  clearInterval(state.countdownTimer);
  state.countdownTimer = null;
}
