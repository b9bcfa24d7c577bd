// Booking an appointment (đặt lịch hẹn) from a phone or a PC: field → day → slot → confirm, then the booking's
// code and QR (book-view.js). /book?code=… opens a booking again, so a citizen can come back to it or cancel it.
import { api, el } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, fieldName, errorText } from "/i18n.js";
import { showBooking, hideBooking, dayLabel } from "/book-view.js";
import { smsAvailable, withPhone, maskedPhone } from "/booking-sms.js";

const DAYS_AHEAD = 14;
const VN = "Asia/Ho_Chi_Minh";
const $ = (id) => document.getElementById(id);

const state = {
  fields: [],
  today: null, // the hall's day (its clock, the training clock included), not the phone's
  field: null,
  days: null, // [{date, slots}] once loaded for state.field; days the server refuses (outside its window) are left out
  day: null,
  slot: null,
  rereading: false, // the chosen day's slots are being read again: the list shown may still change
  busy: false,
  error: null, // the last ApiError, shown in words and re-translated on a language change
  sms: false, // the centre can text the code: the optional phone and consent are offered
  smsTo: null, // the number the code of the booking just made goes to, as "•••••••456"
};
// Answers that arrive after the citizen has chosen something else are dropped.
let generation = 0;

/** "YYYY-MM-DD" n days after iso (calendar days, no time zone involved). */
function addDays(iso, n) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** ["Thứ Ba", "08/12/2026"], split from dayLabel so the day buttons spell weekdays as every other page does. */
function dayParts(iso) { return dayLabel(iso).split(", "); }

/** One error box, moved next to what the citizen just touched (`near`), so a phone shows it where they look. */
function showError(error, near = null) {
  state.error = error;
  const box = $("book-error");
  if (near) near.after(box);
  box.textContent = error ? errorText(error) : "";
  box.hidden = !error;
  if (error && near) box.scrollIntoView({ block: "nearest" });
}

async function fetchSlots(field, date) {
  const query = new URLSearchParams({ field, date });
  return (await api(`/api/v1/bookings/slots?${query}`)).data || [];
}

async function chooseField(code) {
  const ticket = ++generation;
  Object.assign(state, { field: code, days: null, day: null, slot: null, rereading: false });
  showError(null);
  render();
  $("step-day").scrollIntoView({ block: "start" });
  const dates = Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(state.today, i + 1));
  try {
    const answers = await Promise.all(dates.map((date) => fetchSlots(code, date).then(
      (slots) => ({ date, slots }),
      // 422: outside the days the hall takes bookings for (its setting may be shorter than 14 days).
      (error) => { if (error.status === 422) return null; throw error; })));
    if (ticket !== generation) return;
    state.days = answers.filter(Boolean);
  } catch (error) {
    if (ticket !== generation) return;
    state.days = [];
    showError(error, $("day-list"));
  }
  render();
}

/** Re-reads the chosen day, so the counts are the current ones (others book meanwhile). */
async function chooseDay(date) {
  const ticket = ++generation;
  Object.assign(state, { day: date, slot: null, rereading: true });
  showError(null);
  render();
  try {
    const slots = await fetchSlots(state.field, date);
    if (ticket !== generation) return;
    state.days = state.days.map((d) => (d.date === date ? { date, slots } : d));
  } catch (error) {
    if (ticket !== generation) return;
    showError(error, $("slot-list"));
  }
  state.rereading = false;
  render();
  $("step-slot").scrollIntoView({ block: "start" });
}

function chooseSlot(slot) {
  state.slot = slot;
  render();
  $("step-confirm").scrollIntoView({ block: "nearest" });
}

async function book() {
  if (state.busy || !state.slot) return;
  state.busy = true;
  showError(null);
  render();
  let body = null;
  try {
    body = withPhone({ field: state.field, date: state.day, slot: state.slot }, $("book-phone"), $("book-sms-consent"));
    const { data } = await api("/api/v1/bookings", { method: "POST", body });
    if (body.phone) state.smsTo = maskedPhone(body.phone);
    // The address now names the booking: a reload or a bookmark comes back to it.
    history.replaceState(null, "", `/book?code=${encodeURIComponent(data.code)}`);
    $("book-steps").hidden = true;
    showBooking(data, state.fields, showError);
    window.scrollTo(0, 0); // the steps were scrolled down to the confirm button; the code starts at the top
  } catch (error) {
    // Someone took the last place, or the slot closed meanwhile: show the day as it is now, then say why.
    if (error.status === 409) await chooseDay(state.day);
    // 422 with a phone: the consent or the number, said under them.
    showError(error, error.status === 422 && body && body.phone ? $("step-sms") : $("slot-list"));
  } finally {
    state.busy = false;
    render();
  }
}

function choice(label, sub, { selected, disabled, onclick, data }) {
  return el("button", { type: "button", class: `choice${selected ? " selected" : ""}`, "aria-pressed": selected ? "true" : "false",
    disabled, onclick, dataset: data }, el("span", { class: "choice-main" }, label), sub ? el("span", { class: "choice-sub" }, sub) : null);
}

function renderFields() {
  $("field-list").replaceChildren(...state.fields.map((f) => choice(fieldName(f), null, {
    selected: f.code === state.field, onclick: () => chooseField(f.code), data: { field: f.code, testid: "book-field" } })));
}

function renderDays() {
  $("step-day").hidden = !state.field;
  const none = state.days !== null && state.days.length === 0 && !state.error;
  $("day-loading").hidden = state.days !== null && !none;
  $("day-loading").textContent = t(none ? "book.days.none" : "book.loading.days");
  $("day-list").replaceChildren(...(state.days || []).map(({ date, slots }) => {
    const left = slots.reduce((sum, s) => sum + s.remaining, 0);
    const sub = slots.length === 0 ? t("book.day.off") : left === 0 ? t("book.day.full") : t("book.day.left", { n: left });
    const [weekday, full] = dayParts(date);
    // Four days a row on a phone leave no room for "Wednesday": English shortens (Vietnamese names are short).
    const shown = lang() === "en" ? weekday.slice(0, 3) : weekday;
    const button = choice([el("span", { class: "weekday" }, shown), el("span", { class: "date num" }, full.slice(0, 5))], sub, {
      selected: date === state.day, disabled: left === 0, onclick: () => chooseDay(date),
      data: { date, testid: "book-day", off: String(slots.length === 0) } });
    button.setAttribute("aria-label", `${dayLabel(date)} – ${sub}`);
    return button;
  }));
}

function renderSlots() {
  const day = state.day && (state.days || []).find((d) => d.date === state.day);
  $("step-slot").hidden = !day;
  if (!day) return;
  $("slot-empty").hidden = day.slots.some((s) => s.remaining > 0);
  $("slot-empty").textContent = t("book.slot.none");
  $("slot-list").setAttribute("aria-busy", String(state.rereading));
  $("slot-list").replaceChildren(...day.slots.map((s) => {
    const full = s.remaining <= 0;
    const text = `${s.slot} – ${full ? t("book.slot.full") : t("book.slot.left", { n: s.remaining })}`;
    return choice(text, null, { selected: s.slot === state.slot, disabled: full, onclick: () => chooseSlot(s.slot),
      data: { slot: s.slot, testid: "book-slot", remaining: String(s.remaining) } });
  }));
}

function render() {
  renderFields();
  renderDays();
  renderSlots();
  $("step-sms").hidden = !(state.slot && state.sms);
  $("step-confirm").hidden = !state.slot;
  $("booking-sms-note").hidden = !state.smsTo;
  $("booking-sms-note").textContent = state.smsTo ? t("sms.book.sent", { p: state.smsTo }) : "";
  const field = state.fields.find((f) => f.code === state.field);
  if (state.slot) $("confirm-summary").textContent = `${fieldName(field)} · ${dayLabel(state.day)} · ${state.slot}`;
  $("btn-book").disabled = state.busy;
  $("btn-book").textContent = t(state.busy ? "book.booking" : "book.confirm");
}

async function init() {
  applyI18n();
  document.title = t("book.doc.title");
  bindLangSwitch($("lang-switch"));
  $("btn-book").addEventListener("click", book);
  onLangChange(() => {
    if (!$("book-steps").hidden) document.title = t("book.doc.title"); // book-view.js titles a booking
    render();
    if (state.error) $("book-error").textContent = errorText(state.error);
  });
  try {
    const [{ data: hall }, { data: fields }] = await Promise.all([api("/api/v1/hall"), api("/api/v1/fields")]);
    if (hall.centreName) $("centre-name").textContent = hall.centreName;
    state.today = new Intl.DateTimeFormat("en-CA", { timeZone: VN, year: "numeric", month: "2-digit", day: "2-digit" })
      .format(new Date(hall.now || Date.now()));
    state.fields = fields || [];
  } catch (error) {
    showError(error);
    return;
  }
  const code = new URLSearchParams(location.search).get("code");
  if (code && await showBooking(code, state.fields, showError)) return;
  hideBooking();
  $("book-steps").hidden = false;
  render();
  state.sms = await smsAvailable();
  render();
}

init();
