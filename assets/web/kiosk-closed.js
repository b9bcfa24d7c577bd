// The "come back at …" screen: after the cutoff and on closed days the kiosk gives no numbers and says, in the
// server's words, when it gives them again. It follows /api/v1/hall's "issuing" and a ticket refused 409 hall_closed.
import { stampText } from "/common.js";
import { lang } from "/i18n.js";
import { $, state } from "/kiosk-state.js";
import { setPriority } from "/kiosk-priority.js";

// The entry's start screen and hall read, handed over by bindClosed (they draw and read more than this screen).
let showHome = () => {};
let loadHall = async () => {};

export function bindClosed(hooks) {
  ({ showHome, loadHall } = hooks);
}

/**
 * What GET /api/v1/hall says about issuing: {open: false, nextOpening, message, messageEn} closes the kiosk,
 * {open: true} opens it. A server without the field leaves the kiosk as it was (open unless a ticket was refused).
 */
export function applyIssuing(issuing) {
  state.hallKnowsIssuing = !!issuing;
  if (!issuing) return;
  setClosed(issuing.open === false ? issuing : null);
}

/** POST /tickets answered 409 hall_closed: say when to come back (the hall read fills in the next opening). */
export function closedByRefusal(error) {
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

export function renderClosed() {
  const closed = state.closed;
  if (!closed) return;
  const english = lang() === "en";
  $("closed-message").textContent = (english ? closed.messageEn || closed.message : closed.message || closed.messageEn) || "";
  const when = closed.nextOpening ? stampText(lang(), closed.nextOpening) : "";
  $("closed-next").hidden = !when;
  $("closed-next-time").textContent = when;
}
