// The idle reset: a kiosk nobody touched for its idle time (a kiosk setting) goes back to what every citizen finds
// first, so that one who walked away leaves the next neither their language, nor their priority, nor a page of fields.
import { state } from "/kiosk-state.js";

let idleTimer = null;
// The entry's resets, handed over by bindIdleReset (they reach into every screen).
let resetForNextCitizen = () => {};
let backToStart = () => {};

/** Any touch or key, anywhere, starts the idle time again (capture: a handler that stops the event cannot hide it). */
export function bindIdleReset(hooks) {
  ({ resetForNextCitizen, backToStart } = hooks);
  for (const kind of ["pointerdown", "keydown"]) document.addEventListener(kind, armIdleReset, true);
  armIdleReset();
}

/** (Re)starts the idle time; also called when the settings change it. */
export function armIdleReset() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(idleReset, state.settings.idleSeconds * 1000);
}

/**
 * Nobody touched the kiosk for the idle time. The ticket and error screens go back on their own countdown and the
 * busy one waits for the server; anything else returns to the start, a forgotten settings screen and a half-typed
 * booking code included.
 */
function idleReset() {
  if (["screen-busy", "screen-ticket", "screen-error"].includes(state.screen)) return;
  // An older server never says when it opens again: the grid comes back, and the next touch asks again.
  if (state.screen === "screen-closed" && !state.hallKnowsIssuing) state.closed = null;
  if (state.screen === "screen-choose" || state.closed) resetForNextCitizen();
  if (state.screen !== "screen-choose") backToStart();
}
