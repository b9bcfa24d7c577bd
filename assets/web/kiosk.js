// The ticket kiosk: choose a field (a priority first, as a step of its own, if the citizen has one), get a number,
// go back to the start; or check a booking in by its code, typed on the kiosk's keypad or scanned from its QR code.
// After the cutoff and on closed days it says when to come back instead. Holding the top-left corner opens the
// admin's PIN pad and, with the right PIN, this kiosk's settings.
//
// This entry wires the screens together and owns the way back to the start; each screen is a module of its own:
// kiosk-fields.js (the grid and its pages), kiosk-priority.js, kiosk-booking.js (the booking code and the scanner),
// kiosk-idcard.js (an ID card scanned: the greeting, a booking of today, the name on the next ticket),
// kiosk-feedback.js (góp ý: a topic, a few words on an on-screen keyboard, the tracking code),
// kiosk-ticket.js (issuing, the ticket and error screens), kiosk-closed.js (when to come back), kiosk-idle.js,
// kiosk-config.js (this kiosk's settings), kiosk-pin.js (the corner and the PIN pad) and kiosk-settings.js (the
// screen behind it). They share kiosk-state.js; what reaches back here (the start, the hall read) is handed to them
// by their bind function.
import { api, LiveStream } from "/common.js";
import { t, applyI18n, bindLangSwitch, onLangChange, lang, setLang } from "/i18n.js";
import { $, state, show } from "/kiosk-state.js";
import { bindFields, renderFields, updateFieldTexts, applyWaiting, applyFields, firstPage } from "/kiosk-fields.js";
import { bindPriority, setPriority, renderPriorityChosen } from "/kiosk-priority.js";
import { bindTicket, renderTicket, renderCountdown, renderError, stopCountdown } from "/kiosk-ticket.js";
import { bindBooking, resetBooking, renderBookingError } from "/kiosk-booking.js";
import { bindIdCard, scanIdCard, resetIdCard, renderIdCard } from "/kiosk-idcard.js";
import { bindFeedback, resetFeedback, renderFeedback } from "/kiosk-feedback.js";
import { bindClosed, applyIssuing, renderClosed } from "/kiosk-closed.js";
import { bindIdleReset } from "/kiosk-idle.js";
import { loadKioskSettings, startLanguage } from "/kiosk-config.js";
import { bindPinPad, openPinPad } from "/kiosk-pin.js";
import { bindSettings, lock, renderSettingsTexts } from "/kiosk-settings.js";

/** The start: the field grid, or the "come back at …" screen while the hall gives no numbers. */
function showHome() {
  show(state.closed ? "screen-closed" : "screen-choose");
  if (state.closed) renderClosed();
  // The grid is measured as it is shown: laid out while hidden it would get the wrong number of rows.
  else renderFields();
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
  resetBooking();
  resetIdCard();
  resetFeedback();
  firstPage();
  if (lang() !== state.settings.language) setLang(state.settings.language);
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

/** Settings first (which fields, which language), then the hall; a server without kiosk settings keeps the defaults. */
async function loadAll() {
  await loadKioskSettings().catch(() => {});
  return loadHall();
}

/** Every screen's words again in the language just chosen. */
function renderLanguage() {
  document.title = t("kiosk.doc.title");
  // Names change length with the language: measure the grid again where it is shown, else just the texts.
  if (state.screen === "screen-choose") renderFields();
  else updateFieldTexts();
  renderPriorityChosen();
  renderTicket();
  renderCountdown();
  renderClosed();
  renderError();
  renderBookingError();
  renderIdCard();
  renderFeedback();
  renderSettingsTexts();
}

function init() {
  applyI18n();
  bindLangSwitch($("lang-switch"));
  onLangChange(renderLanguage);
  document.title = t("kiosk.doc.title");
  bindPriority(showHome);
  bindBooking({ showHome, onIdScan: scanIdCard });
  bindIdCard({ showHome });
  bindFeedback({ showHome, backToStart });
  bindPinPad({ backToStart });
  bindSettings({ backToStart, openPinPad });
  bindFields();
  bindTicket({ backToStart });
  bindClosed({ showHome, loadHall });
  // A touch kiosk: no long-press menus, no text selection, no pinch zoom.
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  document.addEventListener("gesturestart", (event) => event.preventDefault());
  bindIdleReset({ resetForNextCitizen, backToStart });

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
