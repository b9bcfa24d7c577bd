// The one question after a "không hài lòng" on the rating tablet: "Vì sao quý khách chưa hài lòng?" with five big
// answers (POST /api/v1/ratings/{id}/reason). It follows a level-4 rating tapped on the tablet itself or pressed on
// the counter's keypad (the live `rating` event), each rating asked at most once; nobody answering for IDLE_MS skips
// it. One tap answers once: the question is gone before the answer is sent.
import { api, el } from "/common.js";
import { t } from "/i18n.js";

const IDLE_MS = 20000;
export const REASONS = ["waiting", "attitude", "guidance", "papers", "other"];
const $ = (id) => document.getElementById(id);

// The question on screen: {id, resolve, timer}; null when none.
let open = null;
// Each rating id asked (or being asked) → how that ended, so the tablet's own tap and its echo on the stream ask once.
const asked = new Map();

/** Whether the question for this rating id is already on screen or has been asked. */
export function alreadyAsked(id) { return asked.has(id); }

/**
 * Asks why, for the level-4 rating `id`. Resolves when the citizen answered (true) or left it (false); a rating
 * already asked gets the same promise (on screen still, or how it ended).
 */
export function askReason(id) {
  if (asked.has(id)) return asked.get(id);
  if (open) close(false); // a newer rating (another citizen, another key) replaces an unanswered question
  let resolve;
  const promise = new Promise((done) => { resolve = done; });
  asked.set(id, promise);
  if (asked.size > 200) asked.delete(asked.keys().next().value); // a tablet runs for months
  open = { id, resolve, timer: null };
  renderReasons();
  $("reason").hidden = false;
  document.body.classList.add("asking");
  armIdle();
  return promise;
}

/** The five answers, in the language shown (called again on a language change). */
export function renderReasons() {
  $("reason-buttons").replaceChildren(...REASONS.map((reason) => el("button", {
    type: "button", class: `reason-btn reason-${reason}`, dataset: { reason, testid: `reason-${reason}` },
    onclick: () => answer(reason),
  }, t(`rate.reason.${reason}`))));
}

/** A tap anywhere on the question restarts its idle time. */
export function bindReason() {
  $("reason").addEventListener("pointerdown", () => { if (open) armIdle(); });
}

function armIdle() {
  clearTimeout(open.timer);
  open.timer = setTimeout(() => close(false), IDLE_MS);
}

function close(answered) {
  if (!open) return;
  const { resolve, timer } = open;
  clearTimeout(timer);
  open = null;
  $("reason").hidden = true;
  document.body.classList.remove("asking");
  resolve(answered);
}

async function answer(reason) {
  if (!open) return; // the second tap of a double tap: the question is already gone
  const { id } = open;
  close(true);
  try {
    await api(`/api/v1/ratings/${encodeURIComponent(id)}/reason`, { method: "POST", body: { reason } });
  } catch (error) {
    // The rating itself is stored; the citizen cannot mend a lost reason, so the thank-you still follows.
    console.warn("rating reason not stored", error);
  }
}
