// A booking's optional confirmation text message (/book and the desk's booking panel): a phone and the citizen's
// consent, shown only when the centre can send SMS (GET /api/v1/sms). The server checks both and says in words what
// is missing (no consent, not a mobile number); the page only passes on what was typed.
import { api } from "/common.js";

let asked = null;

/** Whether the centre can send text messages; asked once per page (again after a failed answer). */
export function smsAvailable() {
  if (!asked) {
    asked = api("/api/v1/sms").then(({ data }) => !!(data && data.available), () => { asked = null; return false; });
  }
  return asked;
}

/** The booking body with `phone` and `smsConsent` when a phone was typed (without one, nothing is sent). */
export function withPhone(body, phoneInput, consentInput) {
  const phone = phoneInput.value.trim();
  if (phone) Object.assign(body, { phone, smsConsent: consentInput.checked });
  return body;
}

export function clearPhone(phoneInput, consentInput) {
  phoneInput.value = "";
  consentInput.checked = false;
}

/** "•••••••456", as the server masks a number it kept (spaces and dots dropped, +84 written as 0). */
export function maskedPhone(phone) {
  let digits = String(phone || "").replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  return "•".repeat(Math.max(0, digits.length - 3)) + digits.slice(-3);
}
