// Feedback and complaints (góp ý, phản ánh, kiến nghị) from a phone or a PC: a form that posts POST /api/v1/feedback
// and then shows the tracking code big, and a lookup by that code (GET /api/v1/feedback/{code}) with the status in
// words, the deadline and the answer. /gop-y?t=<token> (the link on the ticket's phone page) sends the feedback about
// that ticket; /gop-y?code=XXXX opens the lookup of that code directly.
import { api, el, dateText, stampText } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);
const TOPICS = ["waiting", "attitude", "guidance", "facilities", "other"];

const params = new URLSearchParams(location.search);
const state = {
  view: "send", // "send" (the form) | "lookup" (the code box and what it found) | "sent" (the code just given)
  token: params.get("t") || null, // the ticket the feedback is about (its phone page's token)
  ticketNumber: null, // that ticket's number, read from the server to say "Về số thứ tự A012"
  topic: null, // the quick choice touched last (it wrote the subject)
  item: null, // the item shown: just sent, or looked up
  busy: false,
  sendError: null, // an ApiError or {local: i18n key}, said again in the other language
  lookupError: null,
};

function say(box, error) {
  box.hidden = !error;
  box.textContent = !error ? "" : error.local ? t(error.local) : errorText(error);
}

function show(view) {
  state.view = view;
  render();
}

// ---------- Sending ----------

function buildTopics() {
  $("topic-list").replaceChildren(...TOPICS.map((topic) => el("button", {
    type: "button", class: `fb-topic${topic === state.topic ? " selected" : ""}`, dataset: { topic, testid: "feedback-topic" },
    "aria-pressed": String(topic === state.topic),
    onclick: () => {
      // "Khác" leaves the subject to the citizen; the others write it for them.
      state.topic = topic;
      $("fb-subject").value = topic === "other" ? "" : t(`feedback.topic.${topic}`);
      buildTopics();
      (topic === "other" ? $("fb-subject") : $("fb-text")).focus();
    },
  }, t(`feedback.topic.${topic}`))));
}

/** "Về số thứ tự A012" over the form: the number is read from the ticket's token (kept hidden, sent as it is). */
async function readTicket() {
  if (!state.token) return;
  try {
    const { data } = await api(`/api/v1/public/tickets/${encodeURIComponent(state.token)}`);
    state.ticketNumber = data.number || null;
  } catch (_) {
    state.ticketNumber = null; // the server says what is wrong with the token when the form is sent
  }
  render();
}

async function send(event) {
  event.preventDefault();
  if (state.busy) return;
  const subject = $("fb-subject").value.trim();
  const text = $("fb-text").value.trim();
  const contact = $("fb-contact").value.trim();
  const dossier = $("fb-dossier").value.trim();
  state.sendError = !subject ? { local: "feedback.need.subject" } : !text ? { local: "feedback.need.text" } : null;
  if (state.sendError) {
    render();
    (subject ? $("fb-text") : $("fb-subject")).focus();
    return;
  }
  const body = { subject, text, channel: "web" };
  if (contact) body.contact = contact;
  if (dossier) body.dossier = dossier;
  if (state.token) body.ticket = state.token;
  state.busy = true;
  render();
  try {
    const { data } = await api("/api/v1/feedback", { method: "POST", body });
    state.item = { subject, answer: null, ...data };
    // The address now names the item: a reload or a bookmark comes back to its lookup.
    history.replaceState(null, "", `/gop-y?code=${encodeURIComponent(data.code)}`);
    $("send-form").reset();
    state.topic = null;
    buildTopics();
    show("sent");
    window.scrollTo(0, 0);
  } catch (error) {
    state.sendError = error;
  } finally {
    state.busy = false;
    render();
  }
}

// ---------- Looking up ----------

async function lookup(code) {
  const wanted = code.trim().toUpperCase().replace(/[\s-]/g, "");
  $("lookup-code").value = wanted;
  state.item = null;
  state.lookupError = wanted ? null : { local: "feedback.lookup.empty" };
  show("lookup");
  if (!wanted) return;
  try {
    state.item = (await api(`/api/v1/feedback/${encodeURIComponent(wanted)}`)).data;
    history.replaceState(null, "", `/gop-y?code=${encodeURIComponent(state.item.code)}`);
  } catch (error) {
    state.lookupError = error;
  }
  render();
}

// ---------- Drawing ----------

function renderItem() {
  const item = state.item;
  const shown = !!item && (state.view === "sent" || state.view === "lookup");
  $("item-view").hidden = !shown;
  if (!shown) return;
  document.title = t("feedback.doc.code", { c: item.code });
  $("item-view").dataset.status = item.status;
  $("item-sent").hidden = state.view !== "sent";
  $("item-code").textContent = item.code;
  const chip = $("item-status");
  chip.textContent = t(`feedback.status.${item.status}`);
  chip.className = `chip fb-status-${item.status}`;
  $("item-subject-row").hidden = !item.subject;
  $("item-subject").textContent = item.subject || "";
  $("item-received").textContent = item.receivedAt ? stampText(lang(), item.receivedAt) : t("dash");
  $("item-deadline").textContent = item.deadline ? dateText(lang(), new Date(item.deadline)) : t("dash");
  $("item-answer").classList.toggle("none", !item.answer);
  $("item-answer-text").textContent = item.answer || t("feedback.answer.none");
}

function render() {
  const sending = state.view === "send";
  $("tab-send").classList.toggle("selected", sending);
  $("tab-send").setAttribute("aria-selected", String(sending));
  $("tab-lookup").classList.toggle("selected", state.view === "lookup");
  $("tab-lookup").setAttribute("aria-selected", String(state.view === "lookup"));
  $("send-form").hidden = !sending;
  $("lookup").hidden = state.view !== "lookup";
  const ticket = $("fb-ticket");
  ticket.hidden = !state.token;
  ticket.textContent = state.ticketNumber ? t("feedback.ticket", { n: state.ticketNumber }) : t("feedback.ticket.yours");
  say($("send-error"), state.sendError);
  say($("lookup-error"), state.lookupError);
  $("btn-send").disabled = state.busy;
  $("btn-send").textContent = t(state.busy ? "feedback.sending" : "feedback.send");
  if (!state.item || sending) document.title = t("feedback.doc.title");
  renderItem();
}

async function init() {
  applyI18n();
  bindLangSwitch($("lang-switch"));
  buildTopics();
  onLangChange(() => { buildTopics(); render(); });
  $("send-form").addEventListener("submit", send);
  $("lookup-form").addEventListener("submit", (event) => { event.preventDefault(); lookup($("lookup-code").value); });
  $("tab-send").addEventListener("click", () => { state.sendError = null; show("send"); $("fb-subject").focus(); });
  $("tab-lookup").addEventListener("click", () => {
    if (state.view === "sent" && state.item) $("lookup-code").value = state.item.code;
    state.lookupError = null;
    show("lookup");
    $("lookup-code").focus();
  });
  // "Gửi góp ý khác": a fresh form, still about the same ticket when the page was opened from one.
  $("item-again").addEventListener("click", (event) => {
    event.preventDefault();
    history.replaceState(null, "", state.token ? `/gop-y?t=${encodeURIComponent(state.token)}` : "/gop-y");
    state.item = null;
    state.sendError = null;
    show("send");
  });
  api("/api/v1/hall").then(({ data }) => { if (data.centreName) $("centre-name").textContent = data.centreName; }).catch(() => {});
  const code = params.get("code");
  if (code) await lookup(code);
  else show("send");
  readTicket();
}

init();
