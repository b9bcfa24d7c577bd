// Feedback on the staff page: "Phản ánh được giao" lists the items a supervisor assigned to the signed-in officer, each
// with an answer box (POST /api/v1/feedback/{code}/answer); "Ghi nhận góp ý" records what a citizen says at the
// counter (POST /api/v1/feedback with the desk's session: the server makes its channel "counter").
import { el, stampText, dateText } from "/common.js";
import { t, lang, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 60000;

export class FeedbackDesk {
  /** `call(path, options)` is the signed-in desk's API call; `user()` the account signed in. */
  constructor({ call, user }) {
    this.call = call;
    this.user = user;
    this.items = null; // null until read
    this.message = null; // {kind: "ok" | "error", text | key+params | error}
    this.recordMessage = null;
    this.drafts = {}; // answers being typed, by code: a refresh keeps them
    this.busy = false;
    this.timer = null;
    $("feedback-record-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.record();
    });
  }

  start() {
    clearInterval(this.timer);
    // Not while an answer is being typed: the list is drawn again on each read (the draft survives, the focus not).
    this.timer = setInterval(() => { if (!$("feedback-list").contains(document.activeElement)) this.load(); }, REFRESH_MS);
    return this.load();
  }

  reset() {
    clearInterval(this.timer);
    this.items = null;
    this.message = null;
    this.recordMessage = null;
    this.drafts = {};
    $("feedback-record-form").reset();
    this.render();
  }

  /** Staff are sent only their own items; a supervisor at a desk is sent all of them, so keep the ones assigned here. */
  async load() {
    const me = this.user() && this.user().username;
    if (!me) return;
    try {
      const { data } = await this.call("/api/v1/feedback?status=open");
      this.items = ((data && data.items) || []).filter((item) => item.assignee === me);
    } catch (error) {
      if (error.status === 401) return;
      this.items = this.items || [];
      this.message = { kind: "error", error };
    }
    this.render();
  }

  async answer(item) {
    const text = (this.drafts[item.code] || "").trim();
    if (!text) {
      this.message = { kind: "error", key: "staff.feedback.need.answer" };
      this.render();
      return;
    }
    if (this.busy) return;
    this.busy = true;
    try {
      await this.call(`/api/v1/feedback/${encodeURIComponent(item.code)}/answer`, { method: "POST", body: { answer: text } });
      delete this.drafts[item.code];
      this.message = { kind: "ok", key: "staff.feedback.answered", params: { c: item.code } };
      await this.load();
    } catch (error) {
      if (error.status !== 401) this.message = { kind: "error", error };
    } finally {
      this.busy = false;
      this.render();
    }
  }

  async record() {
    if (this.busy) return;
    const value = (id) => $(id).value.trim();
    const body = { subject: value("feedback-record-subject"), text: value("feedback-record-text") };
    if (value("feedback-record-contact")) body.contact = value("feedback-record-contact");
    if (value("feedback-record-ticket")) body.ticket = value("feedback-record-ticket").toUpperCase();
    this.busy = true;
    try {
      const { data } = await this.call("/api/v1/feedback", { method: "POST", body });
      $("feedback-record-form").reset();
      this.recordMessage = { kind: "ok", key: "staff.feedback.recorded", params: { c: data.code }, deadline: data.deadline };
    } catch (error) {
      if (error.status !== 401) this.recordMessage = { kind: "error", error };
    } finally {
      this.busy = false;
      this.render();
    }
  }

  say(box, message) {
    box.hidden = !message;
    if (!message) return;
    box.className = `return-message ${message.kind}`;
    const params = { ...(message.params || {}) };
    if (message.deadline) params.d = dateText(lang(), new Date(message.deadline));
    box.textContent = message.error ? errorText(message.error) : t(message.key, params);
  }

  render() {
    this.say($("feedback-message"), this.message);
    this.say($("feedback-record-message"), this.recordMessage);
    const list = this.items || [];
    $("feedback-none").hidden = this.items === null || list.length > 0;
    $("feedback-list").replaceChildren(...list.map((item) => this.row(item)));
  }

  row(item) {
    const late = item.overdue;
    const about = [item.ticket ? t("feedback.ticket.label", { n: item.ticket }) : null,
      item.dossier ? t("feedback.dossier.label", { d: item.dossier }) : null,
      item.contact ? t("feedback.contact.label", { c: item.contact }) : null].filter(Boolean).join(" · ");
    return el("li", { class: `return-item fb-item${late ? " status-late" : ""}`, dataset: { testid: "feedback-item", code: item.code } },
      el("div", { class: "return-head" },
        el("span", { class: "num" }, item.code),
        item.kind ? el("span", { class: "chip" }, t(`feedback.kind.${item.kind}`)) : null,
        el("span", { class: "chip", dataset: { testid: "feedback-item-status" } }, t(`feedback.state.${item.status}`)),
        late ? el("span", { class: "chip status late" }, t("feedback.overdue")) : null),
      el("div", { class: "return-procedure fb-subject" }, item.subject),
      el("div", { class: "fb-text" }, item.text),
      about ? el("div", { class: "return-who" }, about) : null,
      el("div", { class: `return-when${late ? " late" : ""}` },
        `${t("feedback.from", { ch: t(`feedback.channel.${item.channel}`), t: stampText(lang(), item.receivedAt) })} · `
        + t("feedback.due", { d: dateText(lang(), new Date(item.deadline)) })),
      item.status === "answered" ? el("div", { class: "fb-answered" }, t("feedback.answer.label", { a: item.answer || "" })) : null,
      item.status === "assigned" ? this.answerForm(item) : null);
  }

  answerForm(item) {
    const box = el("textarea", { rows: 3, maxlength: 2000, "aria-label": t("staff.feedback.answer"),
      placeholder: t("staff.feedback.answer"), dataset: { testid: "feedback-answer" } });
    box.value = this.drafts[item.code] || "";
    box.addEventListener("input", () => { this.drafts[item.code] = box.value; });
    const form = el("form", { class: "delay-form" }, box,
      el("button", { type: "submit", class: "btn primary", dataset: { testid: "feedback-answer-send" } }, t("staff.feedback.send")));
    form.addEventListener("submit", (event) => { event.preventDefault(); this.answer(item); });
    return form;
  }
}
