// This kiosk's settings as the server keeps them (by the kiosk's address) and what they change here: the default
// language, the idle time, which fields are offered, the printer, and whether the admin set a PIN.
import { api } from "/common.js";
import { lang, setLang } from "/i18n.js";
import { state, DEFAULT_SETTINGS } from "/kiosk-state.js";
import { applyFields } from "/kiosk-fields.js";
import { armIdleReset } from "/kiosk-idle.js";

/** This kiosk's settings (by its address): the default language, the idle time, which fields, whether a PIN is set. */
export async function loadKioskSettings() {
  const { data } = await api("/api/v1/kiosk/settings");
  applyKioskSettings(data);
}

export function applyKioskSettings(data) {
  const idle = Number(data && data.idleSeconds);
  state.settings = {
    language: data && data.language === "en" ? "en" : "vi",
    idleSeconds: Number.isFinite(idle) && idle >= 10 ? idle : DEFAULT_SETTINGS.idleSeconds,
    fields: data && Array.isArray(data.fields) ? data.fields : null,
    printer: (data && data.printer) || null,
    pinSet: data ? data.pinSet === true : null,
  };
  armIdleReset();
  applyFields();
}

/**
 * A kiosk starting with nothing chosen on this browser (no ?lang=, nothing remembered) starts in its default
 * language; a choice made here is kept over a reload until the next reset.
 */
export function startLanguage() {
  let remembered = null;
  // i18n.js keeps a language chosen on this browser under "khongcho.lang".
  try { remembered = localStorage.getItem("khongcho.lang"); } catch (_) { /* storage disabled */ }
  if (!remembered && !new URLSearchParams(location.search).get("lang") && lang() !== state.settings.language) {
    setLang(state.settings.language);
  }
}
