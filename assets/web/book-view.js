// One booking as the citizen keeps it: the code (big, to type at the kiosk), its QR (for the kiosk's scanner),
// where and when, what to do on the day, and cancelling it while it is still booked.
import { api, dateText } from "/common.js";
import { t, lang, onLangChange, fieldName } from "/i18n.js";

const $ = (id) => document.getElementById(id);

let booking = null; // as the server last answered
let fields = [];
let report = () => {}; // book.js's error box (showError), for every server error on the page

/** "Thứ Ba, 08/12/2026": noon, so the day is the same in every time zone the phone may be set to. */
export function dayLabel(iso) { return dateText(lang(), new Date(`${iso}T12:00:00+07:00`)); }

/** Shows `what` (a booking just made, or a code to read from the server); false when there is no such booking. */
export async function showBooking(what, knownFields, showError) {
  fields = knownFields;
  report = showError;
  if (typeof what === "string") {
    try {
      booking = (await api(`/api/v1/bookings/${encodeURIComponent(what)}`)).data;
    } catch (error) {
      showError(error);
      return false;
    }
  } else {
    booking = what;
  }
  render();
  return true;
}

export function hideBooking() { $("booking-view").hidden = true; }

function render() {
  if (!booking) return;
  const b = booking;
  const open = b.state === "booked";
  document.title = t("book.doc.code", { c: b.code });
  $("booking-view").hidden = false;
  $("booking-view").dataset.state = b.state;
  $("booking-code").textContent = b.code;
  const chip = $("booking-state");
  chip.textContent = t(`book.state.${b.state}`);
  chip.className = `chip booking-${b.state}`;
  // The QR is only worth scanning while the booking can still be checked in.
  const qr = $("booking-qr");
  const src = `/api/v1/bookings/${encodeURIComponent(b.code)}/qr.svg`;
  if (qr.getAttribute("src") !== src) qr.src = src;
  qr.hidden = !open;
  $("booking-field").textContent = fieldName(fields.find((f) => f.code === b.field)) || b.field;
  $("booking-day").textContent = dayLabel(b.date);
  $("booking-time").textContent = b.slot;
  $("booking-note").textContent = t(`book.note.${b.state}`, { n: b.ticket || "" });
  $("cancel-area").hidden = !open;
  if (!open) $("cancel-confirm").hidden = true;
  $("btn-cancel").hidden = !$("cancel-confirm").hidden;
}

function askCancel(asking) {
  $("cancel-confirm").hidden = !asking;
  $("btn-cancel").hidden = asking;
  (asking ? $("btn-cancel-no") : $("btn-cancel")).focus();
}

async function cancel() {
  const buttons = [$("btn-cancel-yes"), $("btn-cancel-no")];
  buttons.forEach((b) => { b.disabled = true; });
  report(null);
  try {
    booking = (await api(`/api/v1/bookings/${encodeURIComponent(booking.code)}`, { method: "DELETE" })).data;
  } catch (error) {
    report(error, $("cancel-area"));
    // 409: it is no longer open (checked in or lapsed meanwhile): show what it is now.
    if (error.status === 409) await refresh();
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
    $("cancel-confirm").hidden = true;
    render();
  }
}

/** Re-reads the booking: it changes at the kiosk (checked in) or by itself (lapsed) while the page sleeps. */
async function refresh() {
  if (!booking) return;
  try {
    booking = (await api(`/api/v1/bookings/${encodeURIComponent(booking.code)}`)).data;
    render();
  } catch (_) { /* keep what is shown; the next visit tries again */ }
}

$("btn-cancel").addEventListener("click", () => askCancel(true));
$("btn-cancel-no").addEventListener("click", () => askCancel(false));
$("btn-cancel-yes").addEventListener("click", cancel);
onLangChange(render);
document.addEventListener("visibilitychange", () => { if (!document.hidden && booking && booking.state === "booked") refresh(); });
