// Booking check-in (lịch hẹn): a citizen who booked a slot touches "Tôi có lịch hẹn" beside the priority step and
// types the 8-character code on the kiosk's own keypad, or holds the booking's QR code to the hall's USB scanner,
// which types the code and Enter like a keyboard, on the field screen as well as on this one. POST
// /api/v1/bookings/{code}/check-in issues the ticket: the ticket screen shows it as for a walk-in, with the slot
// ("Lịch hẹn 09:00"). A refusal (unknown code, already checked in, another day, too late…) is said on this screen
// in the server's words. A scan with "|" in it is an ID card's QR, not a code: it goes to kiosk-idcard.js.
import { api } from "/common.js";
import { t, errorText } from "/i18n.js";
import { $, state, show } from "/kiosk-state.js";
import { showIssued } from "/kiosk-ticket.js";
import { closedByRefusal } from "/kiosk-closed.js";

// The server's code alphabet: no I, O, 0 or 1 (they look alike); keypad keys in this order, digits first.
const DIGITS = "23456789";
const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;
// A keyboard-wedge scanner types a whole code in a few tens of milliseconds and ends it with Enter; a person on a
// keyboard (there is none on a kiosk) does not keep keys SCAN_GAP_MS apart. A burst of at least SCAN_MIN_CHARS
// characters, none further apart than SCAN_GAP_MS and SCAN_MS_PER_CHAR on average (8 characters: 400 ms), is a scan.
const SCAN_MIN_CHARS = 8;
const SCAN_GAP_MS = 100;
const SCAN_MS_PER_CHAR = 50;

// The entry's start screen, handed over by bindBooking ("Quay lại"); and where an ID card's scan goes (kiosk-idcard.js).
let showHome = () => {};
let onIdScan = () => {};
// The characters typed since the last pause, with when the first and the last came (event.timeStamp, ms).
let burst = { text: "", first: 0, last: 0 };

export function bindBooking(hooks) {
  ({ showHome, onIdScan = () => {} } = hooks);
  buildKeypad();
  $("booking-step").addEventListener("click", openBooking);
  $("booking-back").addEventListener("click", () => {
    resetBooking();
    showHome();
  });
  $("booking-keypad").addEventListener("click", (event) => {
    const key = event.target.closest("[data-key]");
    if (!key || state.busy) return;
    if (key.dataset.key === "back") erase();
    else type(key.dataset.key);
  });
  $("booking-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submitTyped();
  });
  document.addEventListener("keydown", onKeyboard);
}

/** The 32 code characters as keys, then Xoá (one character) and Lấy số (the form's submit). */
function buildKeypad() {
  const pad = $("booking-keypad");
  const keys = [...DIGITS, ...LETTERS].map((char) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "code-key num";
    button.dataset.key = char;
    button.textContent = char;
    return button;
  });
  pad.prepend(...keys);
}

function openBooking() {
  resetBooking();
  show("screen-booking");
}

/** An empty code and no message: what the next citizen finds (after a ticket, "Quay lại" and the idle reset). */
export function resetBooking() {
  $("booking-code-input").value = "";
  state.bookingError = null;
  renderBookingError();
  burst = { text: "", first: 0, last: 0 };
}

function type(char) {
  const input = $("booking-code-input");
  if (input.value.length >= CODE_LENGTH) return;
  input.value += char;
  clearError();
}

function erase() {
  const input = $("booking-code-input");
  input.value = input.value.slice(0, -1);
  clearError();
}

function clearError() {
  if (!state.bookingError) return;
  state.bookingError = null;
  renderBookingError();
}

/** Lấy số (or Enter): the code typed, once it has its 8 characters. */
function submitTyped() {
  const code = $("booking-code-input").value;
  if (code.length < CODE_LENGTH) {
    state.bookingError = { local: code.length === 0 ? "kiosk.booking.empty" : "kiosk.booking.short" };
    renderBookingError();
    return;
  }
  checkIn(code);
}

/** The message under the code: the server's words (in the language shown) or the kiosk's own. */
export function renderBookingError() {
  const error = state.bookingError;
  const box = $("booking-error");
  // Empty, the line keeps its room (CSS hides it): the keypad does not jump when a message comes or goes.
  box.textContent = !error ? "" : error.local ? t(error.local, { n: CODE_LENGTH }) : errorText(error);
  $("booking-code-input").classList.toggle("invalid", !!error);
}

/**
 * A scanner or a keyboard. On the field screen only a scan counts (a burst ending in Enter): it checks the code in
 * directly. On the booking screen keys type into the code as the keypad does, Backspace erases, Enter takes the
 * number, and a scan replaces whatever was typed before it.
 */
function onKeyboard(event) {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
  const onBooking = state.screen === "screen-booking";
  if (!onBooking && state.screen !== "screen-choose") {
    burst = { text: "", first: 0, last: 0 };
    return;
  }
  const now = event.timeStamp;
  if (event.key === "Enter") {
    const raw = isScan(now) ? burst.text : "";
    burst = { text: "", first: 0, last: 0 };
    // An ID card's QR (its fields separated by "|"), not a booking code.
    if (raw.includes("|")) {
      event.preventDefault();
      if (!state.busy) onIdScan(raw);
      return;
    }
    const scanned = raw ? codeIn(raw) : "";
    // Never let the Enter also press a button that has the focus (a field button: a walk-in ticket).
    if (scanned || onBooking) event.preventDefault();
    if (state.busy) return;
    if (scanned) checkIn(scanned);
    else if (onBooking) submitTyped();
    return;
  }
  if (event.key.length === 1) {
    if (now - burst.last > SCAN_GAP_MS) burst = { text: "", first: now, last: now };
    burst.text += event.key;
    burst.last = now;
    // A kiosk has no keyboard: a space is the scanner's (an ID card's address), never a press of a focused button.
    if (event.key === " ") event.preventDefault();
    if (!onBooking) return;
    event.preventDefault();
    const char = event.key.toUpperCase();
    if (!state.busy && (DIGITS.includes(char) || LETTERS.includes(char))) type(char);
    return;
  }
  if (onBooking && event.key === "Backspace") {
    event.preventDefault();
    if (!state.busy) erase();
  }
}

function isScan(now) {
  const count = burst.text.length;
  return count >= SCAN_MIN_CHARS && now - burst.last <= SCAN_GAP_MS && now - burst.first <= count * SCAN_MS_PER_CHAR;
}

/**
 * The code in what the scanner typed: the code itself, or a link ending in it. The server accepts lower case,
 * spaces and dashes; the last run of letters and digits is the code.
 */
function codeIn(text) {
  const runs = text.toUpperCase().replace(/[\s-]/g, "").match(/[A-Z0-9]+/g);
  return runs ? runs[runs.length - 1] : "";
}

/** POST …/check-in (body: an ID card's {citizen}): the ticket screen with the slot, or the booking screen saying why not. */
export async function checkIn(code, body) {
  if (state.busy) return;
  state.busy = true;
  $("booking-code-input").value = code.slice(0, CODE_LENGTH);
  state.bookingError = null;
  renderBookingError();
  show("screen-busy");
  try {
    const { data } = await api(`/api/v1/bookings/${encodeURIComponent(code)}/check-in`, { method: "POST", body });
    data.booking = await bookingOf(code);
    resetBooking();
    showIssued(data);
  } catch (error) {
    if (error.code === "hall_closed") {
      resetBooking();
      closedByRefusal(error);
      return;
    }
    state.bookingError = error;
    renderBookingError();
    show("screen-booking");
  } finally {
    state.busy = false;
  }
}

/** The booking just checked in, for its slot on the ticket screen; the ticket shows without it if the read fails. */
async function bookingOf(code) {
  try {
    const { data } = await api(`/api/v1/bookings/${encodeURIComponent(code)}`, { timeoutMs: 3000 });
    return data && data.slot ? data : null;
  } catch (_) {
    return null;
  }
}
