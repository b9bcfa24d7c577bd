// Feedback at the kiosk (góp ý, phản ánh): "Góp ý" beside the priority step opens a screen of five one-tap topics and a
// short optional text typed on a plain on-screen keyboard (A–Z, digits, space, erase: no diacritics needed); "Gửi góp
// ý" posts POST /api/v1/feedback with channel "kiosk" and shows the tracking code with where to look the answer up
// (/gop-y, in words: the server draws QR codes only for tickets and bookings). A refusal is said on the screen in the
// server's words. The idle reset takes an abandoned screen back to the fields, as on every other screen.
import { api, el } from "/common.js";
import { t, errorText } from "/i18n.js";
import { $, show } from "/kiosk-state.js";

// The topic is what the centre reads, whatever language the kiosk shows: its Vietnamese name is the subject sent.
const TOPICS = [
  ["waiting", "Thời gian chờ"],
  ["attitude", "Thái độ phục vụ"],
  ["guidance", "Hướng dẫn thủ tục"],
  ["facilities", "Cơ sở vật chất"],
  ["other", "Khác"],
];
const ROWS = ["1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"];
const MAX_TEXT = 200;

let showHome = () => {};
let backToStart = () => {};
const feedback = {
  topic: null,
  error: null, // an ApiError or {local: i18n key}
  code: null, // the tracking code just given
  busy: false,
};

export function bindFeedback(hooks) {
  ({ showHome, backToStart } = hooks);
  buildKeyboard();
  $("feedback-step").addEventListener("click", () => {
    resetFeedback();
    show("screen-feedback");
  });
  $("feedback-back").addEventListener("click", () => {
    resetFeedback();
    showHome();
  });
  $("feedback-send").addEventListener("click", send);
  $("feedback-done-btn").addEventListener("click", () => backToStart());
  $("feedback-keyboard").addEventListener("click", (event) => {
    const key = event.target.closest("[data-key]");
    if (key && !feedback.busy) press(key.dataset.key);
  });
  renderFeedback();
}

/** Ten keys a row, as on a phone: digits, then QWERTY; erase at the end of the third row, a wide space on the last. */
function buildKeyboard() {
  const keys = ROWS.flatMap((row) => [...row].map((char) => el("button", { type: "button", class: "fb-key num", dataset: { key: char } }, char)));
  const erase = el("button", { type: "button", class: "fb-key fb-erase", dataset: { key: "back", testid: "feedback-erase" } });
  const space = el("button", { type: "button", class: "fb-key fb-space", dataset: { key: " ", testid: "feedback-space" } });
  keys.splice(ROWS[0].length + ROWS[1].length + ROWS[2].length, 0, erase);
  $("feedback-keyboard").replaceChildren(...keys, space);
}

function press(key) {
  const box = $("feedback-text");
  if (key === "back") box.value = box.value.slice(0, -1);
  // No double spaces and none to start with: the text stays what a person meant.
  else if (key === " " && (!box.value || box.value.endsWith(" "))) return;
  else if (box.value.length < MAX_TEXT) box.value += key;
  box.scrollTop = box.scrollHeight;
  if (feedback.error) {
    feedback.error = null;
    renderFeedback();
  }
}

function choose(topic) {
  feedback.topic = topic;
  feedback.error = null;
  renderFeedback();
}

/** No topic, no text, no code: what the next citizen finds (after "Quay lại", "Xong" and the idle reset). */
export function resetFeedback() {
  Object.assign(feedback, { topic: null, error: null, code: null, busy: false });
  $("feedback-text").value = "";
  renderFeedback();
}

async function send() {
  if (feedback.busy) return;
  const topic = TOPICS.find(([code]) => code === feedback.topic);
  if (!topic) {
    feedback.error = { local: "kiosk.feedback.choose" };
    renderFeedback();
    return;
  }
  const subject = topic[1];
  // The text is required by the server: without a few words of its own the topic says it all.
  const text = $("feedback-text").value.trim() || subject;
  feedback.busy = true;
  feedback.error = null;
  renderFeedback();
  try {
    const { data } = await api("/api/v1/feedback", { method: "POST", body: { subject, text, channel: "kiosk" } });
    feedback.code = data.code;
    $("feedback-text").value = "";
    feedback.topic = null;
    show("screen-feedback-done");
  } catch (error) {
    feedback.error = error;
  } finally {
    feedback.busy = false;
    renderFeedback();
  }
}

/** Every word of both screens in the language shown (called again on a language change). */
export function renderFeedback() {
  $("feedback-topics").replaceChildren(...TOPICS.map(([code]) => el("button", {
    type: "button", class: `fb-topic-btn${code === feedback.topic ? " selected" : ""}`, "aria-pressed": String(code === feedback.topic),
    dataset: { topic: code, testid: "feedback-topic" }, onclick: () => choose(code),
  }, t(`feedback.topic.${code}`))));
  document.querySelector(".fb-erase").textContent = t("kiosk.feedback.erase");
  document.querySelector(".fb-space").textContent = t("kiosk.feedback.space");
  const error = feedback.error;
  $("feedback-error").textContent = !error ? "" : error.local ? t(error.local) : errorText(error);
  $("feedback-send").disabled = feedback.busy;
  $("feedback-send").textContent = t(feedback.busy ? "kiosk.feedback.sending" : "kiosk.feedback.send");
  $("feedback-code").textContent = feedback.code || "";
  // This page's own address: the kiosk opens the hall's server the way phones on the hall's network do.
  $("feedback-lookup").textContent = t("kiosk.feedback.lookup", { url: `${location.host}/gop-y` });
}
