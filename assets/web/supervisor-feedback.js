// "Phản ánh, kiến nghị" on the supervisor's dashboard: the open items (GET /api/v1/feedback?status=open) with their
// deadline and a "Quá hạn" badge; per item classify it (kind, field, the officer it is about), assign it to an officer,
// and close it once answered. The server refuses what the rules forbid (the officer concerned handling or closing a
// complaint about themselves, closing an unanswered item): its words are shown on the item's row.
//
// Officers to choose from: a supervisor can read no list of accounts (GET /api/v1/admin/users is the admin's), so the
// list is the staff assigned to the counters (the overview's counters) plus the one signed in; an admin also gets
// every account from the admin list.
import { el, stampText, dateText } from "/common.js";
import { t, lang, fieldName, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);
const KINDS = ["phan-anh", "kien-nghi", "khieu-nai", "gop-y"];
const REFRESH_MS = 30000;

export class FeedbackBoard {
  /** `call` is the dashboard's API call, `user()` the account signed in, `overview()` the last overview read. */
  constructor({ call, user, overview }) {
    Object.assign(this, { call, user, overview });
    this.items = null;
    this.overdue = 0;
    this.choices = {}; // per code: {kind, field, officer, assignee} as chosen on screen, kept across redraws
    this.message = null; // {code, kind: "ok" | "error", key, params, error}
    this.accounts = []; // an admin's full list of accounts
    this.timer = null;
    this.busy = false;
  }

  async start() {
    clearInterval(this.timer);
    // Not while a choice is being made: a redraw would close the list the supervisor has open.
    this.timer = setInterval(() => { if (!$("feedback-panel").contains(document.activeElement)) this.load(); }, REFRESH_MS);
    if (this.user() && this.user().role === "admin") {
      this.call("/api/v1/admin/users").then(({ data }) => { this.accounts = data || []; this.render(); }).catch(() => {});
    }
    await this.load();
  }

  stop() {
    clearInterval(this.timer);
    this.items = null;
    this.message = null;
    this.choices = {};
    this.accounts = [];
  }

  async load() {
    try {
      const { data } = await this.call("/api/v1/feedback?status=open");
      this.items = (data && data.items) || [];
      this.overdue = (data && data.overdue) || 0;
    } catch (error) {
      if (error.status === 401) return;
      this.items = this.items || [];
      this.message = { kind: "error", error };
    }
    this.render();
  }

  /** Staff at the counters, the one signed in, and (for an admin) every account: [{username, label}], by username. */
  officers() {
    const found = new Map();
    const add = (username, name) => { if (username && !found.has(username)) found.set(username, name && name !== username ? `${name} (${username})` : username); };
    for (const account of this.accounts) add(account.username, account.displayName);
    for (const counter of (this.overview() && this.overview().counters) || []) {
      for (const officer of counter.assigned || []) add(officer.username, officer.displayName);
    }
    const me = this.user();
    if (me) add(me.username, me.displayName);
    return [...found].map(([username, label]) => ({ username, label })).sort((a, b) => a.username.localeCompare(b.username));
  }

  choice(item) {
    if (!this.choices[item.code]) {
      this.choices[item.code] = { kind: item.kind || "", field: item.field || "", officer: item.officerConcerned || "", assignee: item.assignee || "" };
    }
    return this.choices[item.code];
  }

  async act(item, path, body, done) {
    if (this.busy) return;
    this.busy = true;
    try {
      const { data } = await this.call(`/api/v1/feedback/${encodeURIComponent(item.code)}/${path}`, { method: "POST", body });
      delete this.choices[item.code]; // the item's new values are the choices now
      this.message = { code: item.code, kind: "ok", key: `supervisor.feedback.done.${done}`, params: { c: item.code, u: (data && data.assignee) || "" } };
      await this.load();
    } catch (error) {
      if (error.status !== 401) this.message = { code: item.code, kind: "error", error };
    } finally {
      this.busy = false;
      this.render();
    }
  }

  classify(item) {
    const c = this.choice(item);
    const body = { kind: c.kind };
    if (c.field) body.field = c.field;
    if (c.officer) body.officerConcerned = c.officer;
    return this.act(item, "classify", body, "classified");
  }

  assign(item) {
    return this.act(item, "assign", { assignee: this.choice(item).assignee }, "assigned");
  }

  close(item) {
    return this.act(item, "close", undefined, "closed");
  }

  text(message) {
    return message.error ? errorText(message.error) : t(message.key, message.params);
  }

  render() {
    if (!$("feedback-panel")) return;
    const items = this.items || [];
    const shownHere = this.message && items.some((item) => item.code === this.message.code);
    const box = $("feedback-sup-message");
    box.hidden = !this.message || shownHere;
    if (this.message && !shownHere) {
      box.className = `staff-message ${this.message.kind === "ok" ? "success" : "error"}`;
      box.textContent = this.text(this.message);
    }
    const count = $("feedback-overdue");
    count.hidden = !this.overdue;
    count.textContent = t("supervisor.feedback.overdue.count", { n: this.overdue });
    $("feedback-none").hidden = this.items === null || items.length > 0;
    $("feedback-table").hidden = items.length === 0;
    $("feedback-body").replaceChildren(...items.map((item) => this.row(item)));
  }

  row(item) {
    const fields = (this.overview() && this.overview().fields) || [];
    const field = fields.find((f) => f.code === item.field);
    const about = [t(`feedback.channel.${item.channel}`), item.ticket ? t("feedback.ticket.label", { n: item.ticket }) : null,
      item.dossier ? t("feedback.dossier.label", { d: item.dossier }) : null,
      item.contact ? t("feedback.contact.label", { c: item.contact }) : null].filter(Boolean).join(" · ");
    const facts = [item.kind ? t(`feedback.kind.${item.kind}`) : null, item.field ? fieldName(field) || item.field : null,
      item.officerConcerned ? t("supervisor.feedback.concerned", { u: item.officerConcerned }) : null,
      item.assignee ? t("supervisor.feedback.assigned", { u: item.assignee }) : null].filter(Boolean);
    const message = this.message && this.message.code === item.code ? this.message : null;
    return el("tr", { class: item.overdue ? "fb-overdue" : "", dataset: { code: item.code, status: item.status, testid: "feedback-row" } },
      el("td", { class: "num code fb-code" }, item.code),
      el("td", { class: "fb-about" }, el("b", { text: item.subject }), el("small", { class: "fb-quote", text: item.text }), el("small", { text: about })),
      el("td", { class: "num" }, stampText(lang(), item.receivedAt)),
      el("td", { class: "num" }, dateText(lang(), new Date(item.deadline)),
        item.overdue ? el("span", { class: "chip fb-late", dataset: { testid: "feedback-overdue-badge" } }, t("feedback.overdue")) : null),
      el("td", {}, el("span", { class: `chip fb-state-${item.status}`, dataset: { testid: "feedback-state" } }, t(`feedback.state.${item.status}`)),
        ...facts.map((fact) => el("small", { text: fact })),
        item.answer ? el("small", { class: "fb-answer", dataset: { testid: "feedback-sup-answer" } }, t("feedback.answer.label", { a: item.answer })) : null),
      el("td", { class: "fb-actions" }, this.actions(item, fields),
        message ? el("p", { class: `fb-row-msg ${message.kind}`, role: "alert", dataset: { testid: "feedback-row-message" } }, this.text(message)) : null));
  }

  actions(item, fields) {
    const c = this.choice(item);
    const officers = this.officers();
    const select = (key, testid, placeholder, options) => el("select", {
      dataset: { testid }, "aria-label": placeholder, onchange: (event) => { c[key] = event.target.value; } },
    el("option", { value: "" }, placeholder),
    ...options.map(([value, label]) => el("option", { value, selected: value === c[key] }, label)));
    const button = (label, testid, onclick, disabled = false) =>
      el("button", { type: "button", class: "btn small", disabled, dataset: { testid }, onclick }, label);
    const open = item.status !== "closed";
    return [
      el("div", { class: "fb-action-row" },
        select("kind", "feedback-kind", t("supervisor.feedback.kind"), KINDS.map((k) => [k, t(`feedback.kind.${k}`)])),
        select("field", "feedback-field", t("supervisor.feedback.field"), fields.map((f) => [f.code, fieldName(f) || f.code])),
        select("officer", "feedback-officer", t("supervisor.feedback.officer"), officers.map((o) => [o.username, o.label])),
        button(t("supervisor.feedback.classify"), "feedback-classify", () => this.classify(item), !open)),
      el("div", { class: "fb-action-row" },
        select("assignee", "feedback-assignee", t("supervisor.feedback.assignee"), officers.map((o) => [o.username, o.label])),
        button(t("supervisor.feedback.assign"), "feedback-assign", () => this.assign(item), !open),
        item.status === "answered" ? button(t("supervisor.feedback.close"), "feedback-close", () => this.close(item)) : null),
    ];
  }
}
