// The kiosk's field grid: one big button per field this kiosk offers, as many as fit the screen, further fields on
// further pages; each button names the field in both languages and says how many wait. Touching one issues a ticket.
import { t, fieldName } from "/i18n.js";
import { $, state } from "/kiosk-state.js";
import { issue } from "/kiosk-ticket.js";

// A field button stays a comfortable touch target: never shorter than this (rem).
const FIELD_MIN_HEIGHT_REM = 7;

export function bindFields() {
  $("page-prev").addEventListener("click", () => turnPage(-1));
  $("page-next").addEventListener("click", () => turnPage(1));
  window.addEventListener("resize", () => { if (!$("screen-choose").hidden) renderFields(); });
}

export function renderFields() {
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
  // The first field of the page shown stays on screen when the page size changes (resize, language).
  const first = state.page * (state.pageSize || 1);
  const shape = gridShape();
  drawPage(shape, first);
  // Showing the pager took room from the grid: measure again, with it.
  const again = gridShape();
  if (again.rows !== shape.rows || again.columns !== shape.columns) drawPage(again, first);
}

function drawPage({ columns, rows }, first) {
  const grid = $("field-grid");
  state.pageSize = columns * rows;
  const pages = Math.max(1, Math.ceil(state.fields.length / state.pageSize));
  state.page = Math.min(Math.floor(first / state.pageSize), pages - 1);
  grid.replaceChildren();
  grid.dataset.count = String(state.fields.length);
  grid.style.setProperty("--columns", String(columns));
  grid.style.setProperty("--rows", String(rows));
  for (const field of state.fields.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize)) {
    const button = fieldButton(field);
    button.addEventListener("click", () => issue(field.code));
    grid.append(button);
  }
  renderPager(pages);
}

function fieldButton(field) {
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
  fillFieldTexts(button, field);
  return button;
}

/**
 * How many columns and rows of field buttons fit the grid's box on this screen: 2 columns on a portrait
 * screen or with 4 fields or fewer, else 3; as many rows as keep each button at least FIELD_MIN_HEIGHT_REM
 * tall and tall enough for the longest name. Fields beyond one page go to further pages (never under the
 * priority step), all pages the same size.
 */
function gridShape() {
  const portrait = window.innerHeight > window.innerWidth;
  const columns = portrait || state.fields.length <= 4 ? 2 : 3;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const grid = $("field-grid");
  const height = grid.clientHeight || window.innerHeight * 0.5;
  const gap = 1.25 * rem;
  const row = Math.max(FIELD_MIN_HEIGHT_REM * rem, tallestButton((grid.clientWidth - gap * (columns - 1)) / columns));
  const fit = Math.max(1, Math.floor((height + gap) / (row + gap)));
  const needed = Math.ceil(state.fields.length / columns);
  return { columns, rows: Math.min(fit, needed) };
}

/**
 * The height (px) the tallest field button needs at this width, in the current language: a long name wraps to
 * two lines, and a button cut to FIELD_MIN_HEIGHT_REM would hide its last line and the waiting count. Laid out
 * off screen, with a long waiting line so that the count growing later does not cut it either.
 */
function tallestButton(width) {
  if (!(width > 0)) return 0;
  const probe = document.createElement("div");
  probe.className = "field-probe";
  probe.style.width = `${width}px`;
  for (const field of state.fields) probe.append(fieldButton({ ...field, waiting: 888, estimatedWaitMinutes: 188 }));
  document.body.append(probe);
  const tallest = Math.max(0, ...[...probe.children].map((button) => button.offsetHeight));
  probe.remove();
  return tallest;
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

/** Back to the first page for the next citizen (laid out again only if another page was shown). */
export function firstPage() {
  if (state.page !== 0) { state.page = 0; renderFields(); }
}

export function updateFieldTexts() {
  for (const field of state.fields) {
    const button = $("field-grid").querySelector(`.field-btn[data-field="${CSS.escape(field.code)}"]`);
    if (button) fillFieldTexts(button, field);
  }
}

function fillFieldTexts(button, field) {
  button.querySelector(".field-name").textContent = fieldName(field);
  // The other language underneath, smaller: helps visitors who read either.
  button.querySelector(".field-alt").textContent = document.documentElement.lang === "en" ? field.name : field.nameEn;
  const waiting = button.querySelector(".field-waiting");
  waiting.textContent = field.waiting > 0 && field.estimatedWaitMinutes > 0
    ? `${t("kiosk.waiting", { n: field.waiting })} · ${t("kiosk.estimate", { n: field.estimatedWaitMinutes })}`
    : t("kiosk.waiting", { n: field.waiting });
  waiting.dataset.waiting = String(field.waiting);
}

/** A live event's waiting counts per field code: only the texts change, the grid keeps its layout. */
export function applyWaiting(waiting) {
  if (!waiting) return;
  for (const field of state.fields) {
    if (typeof waiting[field.code] === "number") field.waiting = waiting[field.code];
  }
  updateFieldTexts();
}

/**
 * The hall's fields narrowed to the kiosk's own list, in the hall's order. A list none of whose codes the hall
 * knows any more (the catalog changed since) would leave a kiosk with nothing to press: it then offers them all.
 */
export function applyFields() {
  const chosen = state.settings.fields;
  const narrowed = chosen ? state.allFields.filter((field) => chosen.includes(field.code)) : state.allFields;
  const fields = narrowed.length > 0 ? narrowed : state.allFields;
  const changed = !sameFields(fields);
  state.fields = fields;
  if (changed) renderFields();
  else updateFieldTexts();
}

/** Whether these are the fields laid out last time (same codes, same order): then only their counts need redrawing. */
function sameFields(fields) {
  const shown = state.shownCodes;
  const codes = (fields || []).map((f) => f.code).join(",");
  state.shownCodes = codes;
  return shown !== undefined && shown === codes;
}
