// The admin page's booking rules (section Lịch › Đặt lịch hẹn): slot length, places per slot, how far ahead, the
// grace and lead times, and per field whether it is bookable, its own slot length and places and a daily cap on
// walk-in tickets (empty: the hall's value, or no cap). The counters' time share is typed in per cent and sent as
// 0…1 (empty: no share, only the places per slot limit).
import { el } from "/common.js";
import { t, errorText, lang } from "/i18n.js";

const $ = (id) => document.getElementById(id);
const HALL = ["slotMinutes", "capacity", "daysAhead", "graceMinutes", "leadMinutes", "serviceMinutes"];
const percent = (share) => (share === undefined || share === null ? undefined : Math.round(share * 100));
const share = (text) => (text === "" ? undefined : Number(text) / 100);

function numberInput(name, value, placeholder) {
  return el("input", { type: "number", name, min: "0", value: value ?? "", placeholder: placeholder ?? "", dataset: { testid: name } });
}

export function renderBooking(settings, fields) {
  if (!settings) return;
  const form = $("booking-form");
  for (const key of HALL) form.elements[key].value = settings[key];
  form.elements.counterSharePercent.value = percent(settings.counterShare) ?? "";
  $("booking-fields").replaceChildren(...(fields || []).map((field) => {
    const own = settings.fields[field.code] || {};
    return el("tr", { dataset: { field: field.code } },
      el("td", {}, lang() === "en" ? field.nameEn || field.name : field.name),
      el("td", {}, el("input", { type: "checkbox", name: `bookable-${field.code}`, checked: own.bookable !== false, dataset: { testid: `bookable-${field.code}` } })),
      el("td", {}, numberInput(`slot-${field.code}`, own.slotMinutes, settings.slotMinutes)),
      el("td", {}, numberInput(`capacity-${field.code}`, own.capacity, settings.capacity)),
      el("td", {}, numberInput(`share-${field.code}`, percent(own.counterShare), percent(settings.counterShare) ?? t("adm.b.noShare"))),
      el("td", {}, numberInput(`cap-${field.code}`, own.walkInCap, t("adm.b.noCap"))));
  }));
}

/** The form as the API's body: a field appears only with what it sets differently. */
function readBooking(form) {
  const body = { fields: {} };
  for (const key of HALL) body[key] = Number(form.elements[key].value);
  const hallShare = share(form.elements.counterSharePercent.value);
  if (hallShare !== undefined) body.counterShare = hallShare;
  for (const row of $("booking-fields").querySelectorAll("tr[data-field]")) {
    const code = row.dataset.field;
    const number = (name) => { const v = form.elements[`${name}-${code}`].value; return v === "" ? undefined : Number(v); };
    const own = {
      slotMinutes: number("slot"), capacity: number("capacity"), walkInCap: number("cap"),
      counterShare: share(form.elements[`share-${code}`].value),
    };
    if (!form.elements[`bookable-${code}`].checked) own.bookable = false;
    for (const key of Object.keys(own)) if (own[key] === undefined) delete own[key];
    if (Object.keys(own).length) body.fields[code] = own;
  }
  return body;
}

/** Saves the form; a refusal keeps what the admin typed on screen, a success re-reads it. */
export function bindBooking({ call, say, reload }) {
  $("booking-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await call("/api/v1/admin/booking", { method: "PUT", body: readBooking(event.target) });
      say("success", t("adm.b.saved"));
      await reload();
    } catch (error) {
      if (error.status !== 401) say("error", errorText(error));
    }
  });
}
