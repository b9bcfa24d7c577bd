// The way into the kiosk's settings: holding the top-left corner (the emblem) for LONG_PRESS_MS opens the admin's
// PIN pad; the right PIN (POST /kiosk/unlock) opens the settings screen. Nothing on screen shows the way in.
import { api } from "/common.js";
import { t, errorText } from "/i18n.js";
import { $, state, show } from "/kiosk-state.js";
import { loadKioskSettings, applyKioskSettings } from "/kiosk-config.js";
import { openSettings } from "/kiosk-settings.js";
import { stopCountdown } from "/kiosk-ticket.js";

// Long enough that no citizen opens the PIN pad by leaning on the corner.
const LONG_PRESS_MS = 3000;
const TOAST_MS = 4000;

// The entry's return to the start, handed over by bindPinPad (it resets more than the pad).
let backToStart = () => {};

export function bindPinPad(hooks) {
  ({ backToStart } = hooks);
  bindCornerPress();
  $("pin-pad").addEventListener("click", (event) => {
    const key = event.target.closest("[data-digit]");
    if (!key) return;
    const input = $("pin-input");
    input.value = key.dataset.digit === "back" ? input.value.slice(0, -1) : (input.value + key.dataset.digit).slice(0, 8);
  });
  $("pin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    unlock();
  });
  $("pin-cancel").addEventListener("click", backToStart);
}

/** The corner held LONG_PRESS_MS: the PIN pad, or a short note when the admin set no PIN. */
function bindCornerPress() {
  const corner = $("kiosk-corner");
  let timer = null;
  const cancel = () => { clearTimeout(timer); timer = null; };
  corner.addEventListener("pointerdown", () => {
    cancel();
    timer = setTimeout(() => { timer = null; cornerHeld(); }, LONG_PRESS_MS);
  });
  for (const kind of ["pointerup", "pointercancel", "pointerleave"]) corner.addEventListener(kind, cancel);
}

async function cornerHeld() {
  if (state.busy || state.screen === "screen-pin" || state.screen === "screen-settings") return;
  // The admin may have set the PIN since the kiosk started: ask again before saying there is none.
  await loadKioskSettings().catch(() => {});
  if (state.settings.pinSet === false) {
    toast(t("kiosk.pin.unset"));
    return;
  }
  openPinPad();
}

/** The pad, empty, with `message` over it (why it is asked again, e.g. the settings key expired). */
export function openPinPad(message = "") {
  stopCountdown();
  state.unlock = null;
  $("pin-input").value = "";
  showPinError(message);
  show("screen-pin");
  $("pin-input").focus();
}

function showPinError(message) {
  $("pin-error").textContent = message;
  $("pin-error").hidden = !message;
}

/** POST /kiosk/unlock: the right PIN opens the settings; any refusal is said on the pad in words. */
async function unlock() {
  const pin = $("pin-input").value.trim();
  if (!pin) {
    showPinError(t("kiosk.pin.empty"));
    return;
  }
  $("pin-ok").disabled = true;
  showPinError("");
  try {
    const { data } = await api("/api/v1/kiosk/unlock", { method: "POST", body: { pin } });
    if (state.screen !== "screen-pin") return; // the idle reset closed the pad meanwhile
    state.unlock = { token: data.token, printers: data.printers || [], fields: data.fields || [] };
    if (data.settings) applyKioskSettings(data.settings);
    openSettings();
  } catch (error) {
    if (error.code === "kiosk_pin_unset") {
      backToStart();
      toast(errorText(error));
      return;
    }
    $("pin-input").value = "";
    showPinError(errorText(error));
  } finally {
    $("pin-ok").disabled = false;
  }
}

let toastTimer = null;

/** A short note over the header that goes away by itself (e.g. "no PIN set" after holding the corner). */
function toast(text) {
  const box = $("kiosk-toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, TOAST_MS);
}
