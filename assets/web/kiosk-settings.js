// The kiosk's settings screen, behind the admin's PIN: this kiosk's printer, default language, idle time and fields
// (PUT /kiosk/settings) and a test print, with the key the unlock gave. Closing it, or the idle reset, locks again.
import { api } from "/common.js";
import { t, fieldName, errorText, lang } from "/i18n.js";
import { $, state, show } from "/kiosk-state.js";
import { applyKioskSettings } from "/kiosk-config.js";

// The entry's return to the start and the PIN pad, handed over by bindSettings (the pad opens this screen).
let backToStart = () => {};
let openPinPad = () => {};

export function bindSettings(hooks) {
  ({ backToStart, openPinPad } = hooks);
  $("settings-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveSettings();
  });
  $("btn-test-print").addEventListener("click", testPrint);
  $("btn-settings-close").addEventListener("click", backToStart);
}

/** Forgets the settings key: closing, or the idle reset, locks the kiosk again. */
export function lock() {
  state.unlock = null;
}

export function openSettings() {
  fillSettingsForm();
  settingsMessage("", "");
  $("test-print-result").textContent = "";
  show("screen-settings");
}

/** The form's own words in the language now chosen (what the admin ticked or picked stays as it is). */
export function renderSettingsTexts() {
  if (!state.unlock) return;
  $("set-printer").options[0].text = t("kiosk.settings.printer.default");
  for (const name of $("set-fields").querySelectorAll(".set-field-name")) {
    name.textContent = fieldName(state.unlock.fields.find((field) => field.code === name.dataset.code));
  }
}

/** The form from the kiosk's current settings and what the unlock listed (printers, every catalog field). */
function fillSettingsForm() {
  const { printers, fields } = state.unlock;
  const settings = state.settings;
  const select = $("set-printer");
  select.replaceChildren(new Option(t("kiosk.settings.printer.default"), ""));
  for (const printer of printers) select.append(new Option(printer.name || printer.id, printer.id));
  // A printer saved earlier but not plugged in now stays visible, rather than silently becoming the default.
  if (settings.printer && !printers.some((printer) => printer.id === settings.printer)) {
    select.append(new Option(t("kiosk.settings.printer.missing", { p: settings.printer }), settings.printer));
  }
  select.value = settings.printer || "";
  $("set-language").value = settings.language;
  $("set-idle").value = String(settings.idleSeconds);
  const list = $("set-fields");
  list.replaceChildren();
  for (const field of fields) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = field.code;
    box.dataset.testid = `set-field-${field.code}`;
    box.checked = !settings.fields || settings.fields.includes(field.code);
    const name = document.createElement("span");
    name.className = "set-field-name";
    name.dataset.code = field.code;
    name.textContent = fieldName(field);
    const label = document.createElement("label");
    label.className = "set-field";
    label.append(box, name);
    list.append(label);
  }
}

/** The line beside "Lưu": kind "ok" (green), "warn" (red) or "" (a step under way). */
function settingsMessage(text, kind) {
  const line = $("settings-message");
  line.textContent = text;
  line.classList.toggle("ok", kind === "ok");
  line.classList.toggle("warn", kind === "warn");
}

/** The form as PUT /kiosk/settings takes it; every field ticked is sent as "all" (null), so new fields appear too. */
function settingsFromForm() {
  const boxes = [...$("set-fields").querySelectorAll("input[type=checkbox]")];
  const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
  return {
    token: state.unlock.token,
    language: $("set-language").value,
    idleSeconds: Number($("set-idle").value),
    fields: ticked.length === boxes.length ? null : ticked,
    printer: $("set-printer").value || null,
  };
}

async function saveSettings() {
  if (!state.unlock) return;
  const body = settingsFromForm();
  if (!Number.isInteger(body.idleSeconds) || body.idleSeconds < 10 || body.idleSeconds > 600) {
    settingsMessage(t("kiosk.settings.idle.invalid"), "warn");
    return;
  }
  $("btn-settings-save").disabled = true;
  settingsMessage(t("kiosk.settings.saving"), "");
  try {
    const { data } = await api("/api/v1/kiosk/settings", { method: "PUT", body });
    applyKioskSettings(data);
    settingsMessage(t("kiosk.settings.saved"), "ok");
  } catch (error) {
    settingsRefused(error, (text) => settingsMessage(text, "warn"));
  } finally {
    $("btn-settings-save").disabled = false;
  }
}

/** POST /kiosk/test-print: one test ticket on this kiosk's printer; the answer (or the trouble) in words. */
async function testPrint() {
  if (!state.unlock) return;
  const result = $("test-print-result");
  result.classList.remove("warn", "ok");
  result.textContent = t("kiosk.settings.test.running");
  $("btn-test-print").disabled = true;
  try {
    const { data } = await api("/api/v1/kiosk/test-print", { method: "POST", body: { token: state.unlock.token } });
    const printer = state.unlock.printers.find((p) => p.id === data.printer);
    const printed = data.status === "printed";
    // Printed: say on which printer by name; anything else: the server's own words about what happened.
    const detail = lang() === "en" ? data.messageEn || data.message : data.message || data.messageEn;
    result.textContent = printed ? t("kiosk.settings.test.printed", { p: printer ? printer.name : data.printer })
      : detail || t("error.unknown", { code: data.status });
    result.classList.add(printed ? "ok" : "warn");
  } catch (error) {
    settingsRefused(error, (text) => { result.textContent = text; result.classList.add("warn"); });
  } finally {
    $("btn-test-print").disabled = false;
  }
}

/** A refused settings call: an expired key goes back to the PIN pad (saying so); anything else is shown by `say`. */
function settingsRefused(error, say) {
  if (error.code === "kiosk_locked") openPinPad(errorText(error));
  else say(errorText(error));
}
