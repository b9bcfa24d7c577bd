// The admin page's office hours (section Lịch): per weekday a morning and an afternoon session and the time the
// kiosk stops giving numbers, the ninth-hour windows and the no-wait Friday. The page edits two sessions a day,
// which is what a commune or district centre keeps; the API takes any number.
import { el } from "/common.js";
import { t, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

const minutesText = (minute) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const textMinutes = (text) => { const [h, m] = text.split(":").map(Number); return h * 60 + m; };

function timeInput(name, value) {
  return el("input", { type: "time", name, value: value || "", dataset: { testid: name } });
}

/** One row per weekday: two sessions (either may be left empty) and the ticket cutoff. */
function dayRow(day) {
  const [morning = {}, afternoon = {}] = day.sessions;
  const w = day.weekday;
  return el("tr", { dataset: { weekday: String(w) } },
    el("th", {}, t(`adm.h.day.${w}`)),
    el("td", {}, timeInput(`am-start-${w}`, morning.start), " – ", timeInput(`am-end-${w}`, morning.end)),
    el("td", {}, timeInput(`pm-start-${w}`, afternoon.start), " – ", timeInput(`pm-end-${w}`, afternoon.end)),
    el("td", {}, timeInput(`last-${w}`, day.lastTicket)));
}

function windowRow(window) {
  const row = el("div", { class: "admin-row window-row", dataset: { testid: "window-row", weekdays: (window.weekdays || [1, 2, 3, 4, 5]).join(",") } },
    el("label", {}, t("adm.h.from"), " ", el("input", { type: "date", name: "from", value: window.from || "" })),
    el("label", {}, t("adm.h.to"), " ", el("input", { type: "date", name: "to", value: window.to || "" })),
    el("label", {}, t("adm.h.time"), " ", timeInput("start", window.start), " – ", timeInput("end", window.end)));
  const remove = el("button", { type: "button", class: "btn small danger-outline" }, t("adm.delete"));
  remove.addEventListener("click", () => row.remove());
  row.append(remove);
  return row;
}

export function renderHours(hours) {
  if (!hours) return;
  $("hours-body").replaceChildren(...WEEKDAYS.map((w) => dayRow(hours.days.find((d) => d.weekday === w) || { weekday: w, sessions: [] })));
  $("windows-list").replaceChildren(...hours.extraWindows.map(windowRow));
  const friday = hours.noWaitFriday;
  const form = $("hours-form");
  form.elements.fridayEnabled.checked = friday.enabled;
  form.elements.fridayCutoff.value = minutesText(friday.cutoffMinute);
  form.elements.fridayNext.value = minutesText(friday.nextDayMinute);
}

/** The form as the API's body; sessions left empty are dropped (a weekday with none is closed). */
export function readHours(form) {
  const value = (name) => (form.elements[name] || {}).value || "";
  const days = WEEKDAYS.map((w) => {
    const sessions = [["am", w], ["pm", w]]
      .map(([part]) => ({ start: value(`${part}-start-${w}`), end: value(`${part}-end-${w}`) }))
      .filter((s) => s.start || s.end);
    const day = { weekday: w, sessions };
    if (value(`last-${w}`)) day.lastTicket = value(`last-${w}`);
    return day;
  });
  const extraWindows = [...document.querySelectorAll("#windows-list .window-row")].map((row) => ({
    from: row.querySelector('[name="from"]').value,
    to: row.querySelector('[name="to"]').value,
    weekdays: row.dataset.weekdays.split(",").map(Number),
    start: row.querySelector('[name="start"]').value,
    end: row.querySelector('[name="end"]').value,
  }));
  return {
    days, extraWindows,
    noWaitFriday: {
      enabled: form.elements.fridayEnabled.checked,
      cutoffMinute: textMinutes(value("fridayCutoff") || "15:30"),
      nextDayMinute: textMinutes(value("fridayNext") || "09:00"),
    },
  };
}

/** Saves the form; a refusal keeps what the admin typed on screen (to correct it), a success re-reads it. */
export function bindHours({ call, say, reload }) {
  $("window-add").addEventListener("click", () => $("windows-list").append(windowRow({ start: "16:30", end: "17:30" })));
  $("hours-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await call("/api/v1/admin/hours", { method: "PUT", body: readHours(event.target) });
      say("success", t("adm.h.saved"));
      await reload();
    } catch (error) {
      if (error.status !== 401) say("error", errorText(error));
    }
  });
}
