// A chip ID card (CCCD) or VNeID's QR at the kiosk: the hall's keyboard-wedge scanner types the card's text, whose
// fields are separated by "|" (kiosk-booking.js tells it from a booking code and hands it here). POST
// /api/v1/kiosk/id-scan reads it (nothing is stored): the field screen greets "Xin chào Nguyễn Văn An"; with a
// booking of today it offers "Nhận số theo lịch hẹn 09:00" (a check-in carrying the citizen), else the next ticket
// taken carries {name, idLast4}. A card the server cannot read is said in its words. The greeting and the citizen
// go with the ticket, "Không phải tôi" and the idle reset.
import { api } from "/common.js";
import { t, errorText } from "/i18n.js";
import { $, state } from "/kiosk-state.js";
import { checkIn, resetBooking } from "/kiosk-booking.js";
import { renderFields } from "/kiosk-fields.js";

// The server's "could not read the card" stays this long, unless the citizen scans again or the kiosk resets.
const ERROR_MS = 12000;

// The entry's start screen (the fields, or "come back at…"), handed over by bindIdCard.
let showHome = () => {};
let errorTimer = null;
// Answers to an older scan (a second scan, a reset meanwhile) are dropped.
let generation = 0;

export function bindIdCard(hooks) {
  ({ showHome } = hooks);
  $("idcard-booking").addEventListener("click", checkInBooked);
  $("idcard-clear").addEventListener("click", resetIdCard);
}

/** The scanner's text of an ID card: who it is (and their booking of today), or why it could not be read. */
export async function scanIdCard(data) {
  const ticket = ++generation;
  if (state.screen === "screen-booking") resetBooking();
  setCard({ reading: true });
  if (state.screen !== "screen-choose") showHome();
  try {
    const { data: card } = await api("/api/v1/kiosk/id-scan", { method: "POST", body: { data } });
    if (ticket !== generation) return;
    state.citizen = { name: card.name, idLast4: card.idLast4 };
    const booking = card.booking && card.booking.state === "booked" ? card.booking : null;
    setCard({ name: card.name, booking });
  } catch (error) {
    if (ticket !== generation) return;
    state.citizen = null;
    setCard({ error });
    errorTimer = setTimeout(() => { if (ticket === generation) resetIdCard(); }, ERROR_MS);
  }
}

/** No greeting, no citizen: after each ticket, "Không phải tôi" and the idle reset. */
export function resetIdCard() {
  generation += 1;
  state.citizen = null;
  if (state.idCard) setCard(null);
}

function setCard(card) {
  clearTimeout(errorTimer);
  const before = !!state.idCard;
  state.idCard = card;
  renderIdCard();
  // The panel takes its height from the field grid: lay the grid out again when it comes or goes.
  if (before !== !!card && state.screen === "screen-choose") renderFields();
}

/** The panel over the fields, in the language shown (called again on a language change). */
export function renderIdCard() {
  const card = state.idCard;
  const panel = $("idcard-panel");
  panel.hidden = !card;
  if (!card) return;
  panel.classList.toggle("error", !!card.error);
  panel.classList.toggle("reading", !!card.reading);
  $("idcard-hello").textContent = card.error ? t("kiosk.id.failed")
    : card.reading ? t("kiosk.id.reading") : t("kiosk.id.hello", { name: card.name });
  $("idcard-hint").textContent = card.error ? errorText(card.error)
    : card.reading ? "" : t(card.booking ? "kiosk.id.hint.booking" : "kiosk.id.hint");
  const booking = $("idcard-booking");
  booking.hidden = !card.booking;
  booking.textContent = card.booking ? t("kiosk.id.booking", { slot: card.booking.slot }) : "";
  $("idcard-clear").hidden = !card.name;
}

/** "Nhận số theo lịch hẹn 09:00": the booking's check-in, carrying the citizen as the ticket does. */
function checkInBooked() {
  const card = state.idCard;
  if (!card || !card.booking || !state.citizen || state.busy) return;
  checkIn(card.booking.code, { citizen: state.citizen });
}
