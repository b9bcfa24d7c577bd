// Booking on a citizen's behalf at the desk ("Đặt lịch hẹn"): a field (this counter's first), a day (today on, as
// an officer may book today's later slots), a slot with its places left, the citizen's name and the last 4 digits
// of their ID card (the kiosk's ID scan finds the booking by them); then POST /api/v1/bookings with the desk's
// Authorization. The code is shown big with its QR, ready to print. When the centre can send SMS, an optional phone
// with the citizen's consent gets the code by text message (booking-sms.js; the server says what is missing).
import { api, el, dateText } from "/common.js";
import { t, lang, fieldName, errorText } from "/i18n.js";
import { smsAvailable, withPhone, clearPhone, maskedPhone } from "/booking-sms.js";

const DAYS_AHEAD = 14;
const VN = "Asia/Ho_Chi_Minh";
const $ = (id) => document.getElementById(id);

/** "YYYY-MM-DD" n calendar days after iso. */
function addDays(iso, n) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "Thứ Hai, 07/12/2026": noon, so the day is the same whatever the desk's time zone. */
function dayLabel(iso) { return dateText(lang(), new Date(`${iso}T12:00:00+07:00`)); }

export class BookingDesk {
  /** `call(path, options)` is the signed-in desk's API call; `counter()` the counter number the desk works for. */
  constructor({ call, counter }) {
    Object.assign(this, { call, counter });
    this.clear();
    $("booking-field").addEventListener("change", () => this.chooseField($("booking-field").value));
    $("booking-day").addEventListener("change", () => this.chooseDay($("booking-day").value));
    $("booking-form").addEventListener("submit", (event) => { event.preventDefault(); this.book(); });
    $("booking-again").addEventListener("click", () => this.again());
    $("booking-print").addEventListener("click", () => this.print());
    window.addEventListener("afterprint", () => document.body.classList.remove("print-booking"));
  }

  clear() {
    Object.assign(this, { fields: [], own: [], today: null, field: null, days: null, day: null, slot: null,
      busy: false, error: null, booked: null, generation: (this.generation || 0) + 1 });
  }

  /** Signed in: the fields (this counter's first) and the hall's today, then the first field's days. */
  async enter() {
    try {
      const [{ data: hall }, { data: fields }, { data: counters }] = await Promise.all([
        api("/api/v1/hall"), api("/api/v1/fields"), this.call("/api/v1/counters")]);
      this.today = new Intl.DateTimeFormat("en-CA", { timeZone: VN, year: "numeric", month: "2-digit", day: "2-digit" })
        .format(new Date(hall.now || Date.now()));
      this.fields = fields || [];
      const mine = (counters || []).find((c) => c.number === this.counter());
      this.own = (mine && mine.fields) || [];
      smsAvailable().then((on) => { $("booking-sms").hidden = !on; });
    } catch (error) {
      if (error.status !== 401) this.fail(error);
      return;
    }
    const first = this.fields.find((f) => this.own.includes(f.code)) || this.fields[0];
    if (first) await this.chooseField(first.code);
    else this.render();
  }

  /** Signed out: nothing of the last citizen stays on a shared desk. */
  reset() {
    this.clear();
    for (const id of ["booking-name", "booking-idlast4"]) $(id).value = "";
    clearPhone($("booking-phone"), $("booking-sms-consent"));
    for (const id of ["booking-code", "booking-when", "booking-for", "booking-sms-to"]) $(id).textContent = "";
    $("booking-qr").removeAttribute("src");
    this.render();
  }

  async slotsOf(field, date) {
    return (await this.call(`/api/v1/bookings/slots?${new URLSearchParams({ field, date })}`)).data || [];
  }

  /** The field's days, today on: a day the server refuses (beyond its days ahead) is left out. */
  async chooseField(code) {
    const ticket = ++this.generation;
    Object.assign(this, { field: code, days: null, day: null, slot: null, error: null });
    this.render();
    const dates = Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(this.today, i));
    try {
      const answers = await Promise.all(dates.map((date) => this.slotsOf(code, date).then(
        (slots) => ({ date, slots }), (error) => { if (error.status === 422) return null; throw error; })));
      if (ticket !== this.generation) return;
      this.days = answers.filter(Boolean);
      const open = this.days.find((d) => d.slots.some((s) => s.remaining > 0));
      this.day = open ? open.date : null;
    } catch (error) {
      if (ticket !== this.generation) return;
      this.days = [];
      this.error = error;
    }
    this.render();
  }

  /** The day's slots read again: others book meanwhile (the kiosk's citizens, /book, other desks). */
  async chooseDay(date) {
    const ticket = ++this.generation;
    Object.assign(this, { day: date, slot: null });
    this.render();
    try {
      const slots = await this.slotsOf(this.field, date);
      if (ticket !== this.generation) return;
      this.days = this.days.map((d) => (d.date === date ? { date, slots } : d));
    } catch (error) {
      if (ticket !== this.generation) return;
      this.error = error;
    }
    this.render();
  }

  chooseSlot(slot) {
    this.slot = slot;
    this.error = null;
    this.render();
  }

  /** What the officer typed, checked here first; null (and a message) when something is missing. */
  body() {
    const name = $("booking-name").value.trim();
    const idLast4 = $("booking-idlast4").value.trim();
    const local = !this.slot ? "staff.booking.need.slot"
      : idLast4 && !/^\d{4}$/.test(idLast4) ? "staff.booking.need.idLast4" : null;
    if (local) { this.fail(local); return null; }
    const body = { field: this.field, date: this.day, slot: this.slot };
    if (name) body.name = name;
    if (idLast4) body.idLast4 = idLast4;
    return withPhone(body, $("booking-phone"), $("booking-sms-consent"));
  }

  async book() {
    if (this.busy) return;
    const body = this.body();
    if (!body) return;
    this.busy = true;
    this.error = null;
    this.render();
    try {
      const { data } = await this.call("/api/v1/bookings", { method: "POST", body });
      this.booked = { ...data, name: data.name || body.name || null, smsTo: body.phone ? maskedPhone(body.phone) : null };
    } catch (error) {
      this.busy = false;
      if (error.status === 401) return;
      this.error = error;
      // A full slot or one just passed: show the day as it is now, with the server's words.
      if (error.status === 409) await this.chooseDay(this.day);
    }
    this.busy = false;
    this.render();
  }

  /** "Đặt lịch khác": the form again, empty, on the same field and day with its places re-read. */
  again() {
    this.booked = null;
    for (const id of ["booking-name", "booking-idlast4"]) $(id).value = "";
    clearPhone($("booking-phone"), $("booking-sms-consent"));
    this.chooseDay(this.day);
    $("booking-field").focus();
  }

  print() {
    document.body.classList.add("print-booking");
    window.print();
  }

  fail(error) {
    this.error = error;
    this.render();
  }

  render() {
    const booked = this.booked;
    $("booking-form").hidden = !!booked;
    $("booking-result").hidden = !booked;
    if (booked) this.renderBooked(booked);
    this.renderFields();
    this.renderDays();
    this.renderSlots();
    const box = $("booking-error");
    box.hidden = !this.error;
    box.textContent = !this.error ? "" : typeof this.error === "string" ? t(this.error) : errorText(this.error);
    $("booking-submit").disabled = this.busy;
    $("booking-submit").textContent = t(this.busy ? "staff.booking.busy" : "staff.booking.submit");
  }

  renderFields() {
    const option = (f) => el("option", { value: f.code, selected: f.code === this.field }, fieldName(f));
    const own = this.fields.filter((f) => this.own.includes(f.code));
    const others = this.fields.filter((f) => !this.own.includes(f.code));
    $("booking-field").replaceChildren(...(own.length && others.length
      ? [el("optgroup", { label: t("staff.booking.own") }, ...own.map(option)),
        el("optgroup", { label: t("staff.booking.others") }, ...others.map(option))]
      : this.fields.map(option)));
  }

  renderDays() {
    const days = this.days || [];
    const select = $("booking-day");
    select.disabled = this.days === null || days.length === 0;
    select.replaceChildren(...days.map(({ date, slots }) => {
      const left = slots.reduce((sum, s) => sum + s.remaining, 0);
      const state = slots.length === 0 ? t("staff.booking.day.off") : left === 0 ? t("staff.booking.day.full")
        : t("staff.booking.day.left", { n: left });
      const today = date === this.today ? ` (${t("staff.booking.today")})` : "";
      return el("option", { value: date, selected: date === this.day, disabled: left === 0 },
        `${dayLabel(date)}${today} — ${state}`);
    }));
    const note = $("booking-days-note");
    note.hidden = this.days !== null && days.some((d) => d.slots.some((s) => s.remaining > 0));
    note.textContent = t(this.days === null ? "staff.booking.loading" : "staff.booking.days.none");
  }

  renderSlots() {
    const day = (this.days || []).find((d) => d.date === this.day);
    const slots = day ? day.slots : [];
    $("booking-slots").replaceChildren(...slots.map((s) => {
      const full = s.remaining <= 0;
      return el("button", { type: "button", class: `btn slot-btn${s.slot === this.slot ? " selected" : ""}`,
        "aria-pressed": s.slot === this.slot ? "true" : "false", disabled: full,
        dataset: { slot: s.slot, remaining: String(s.remaining), testid: "booking-slot" },
        onclick: () => this.chooseSlot(s.slot) },
      el("span", { class: "num" }, s.slot), " ",
      el("span", { class: "slot-left" }, full ? t("staff.booking.slot.full") : t("staff.booking.slot.left", { n: s.remaining })));
    }));
    $("booking-slot-none").hidden = !day || slots.some((s) => s.remaining > 0);
  }

  renderBooked(b) {
    $("booking-code").textContent = b.code;
    const src = `/api/v1/bookings/${encodeURIComponent(b.code)}/qr.svg`;
    if ($("booking-qr").getAttribute("src") !== src) $("booking-qr").src = src;
    const field = this.fields.find((f) => f.code === b.field);
    $("booking-when").textContent = `${fieldName(field) || b.field} · ${dayLabel(b.date)} · ${b.slot}`;
    $("booking-for").hidden = !b.name;
    $("booking-for").textContent = b.name ? t("staff.booking.for", { name: b.name }) : "";
    $("booking-sms-to").hidden = !b.smsTo;
    $("booking-sms-to").textContent = b.smsTo ? t("sms.book.sent", { p: b.smsTo }) : "";
  }
}
