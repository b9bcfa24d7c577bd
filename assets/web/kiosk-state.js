// What the kiosk's modules share: the one state object, which screen is shown, and the settings a kiosk has before
// the server says otherwise. Nothing here talks to the server or draws a screen's content.

// What a kiosk does before GET /api/v1/kiosk/settings answers, or with a server that has no such route: a citizen
// who walks away leaves the next one a kiosk in Vietnamese with no priority chosen, 30 s later, with every field.
export const DEFAULT_SETTINGS = { language: "vi", idleSeconds: 30, fields: null, printer: null, pinSet: null };
const SCREENS = ["screen-choose", "screen-priority", "screen-booking", "screen-feedback", "screen-feedback-done",
  "screen-busy", "screen-ticket", "screen-error", "screen-closed", "screen-pin", "screen-settings"];
export const $ = (id) => document.getElementById(id);

export const state = {
  allFields: [], // the hall's fields, as /api/v1/hall lists them
  fields: [], // those this kiosk offers (its settings may narrow the list)
  shownCodes: undefined, // the codes of the fields last laid out, to tell a new list from new counts
  page: 0, // the page of fields shown, when they do not all fit
  pageSize: 0, // fields per page as the screen fits them (0 until measured)
  priority: "none",
  issued: null,
  reprintRefused: null, // the server's words when "Lấy lại vé" was refused, shown in the print note
  lastError: null, // what the error screen says, kept to say it again in the other language
  bookingError: null, // what the booking screen says under the code: the server's refusal, or {local: i18n key}
  citizen: null, // {name, idLast4} from an ID card scan: the next ticket (or check-in) carries it (kiosk-idcard.js)
  idCard: null, // the panel over the fields: {reading} | {name, booking} | {error}; null when none
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

export function show(screen) {
  state.screen = screen;
  for (const id of SCREENS) $(id).hidden = id !== screen;
}
