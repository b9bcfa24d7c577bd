// The return desk on the staff page: find a dossier (number, phone or name — a code scanner types into the same
// box), hand its result back ("Đã trả"), or record why it will be late and the new date, then print the apology.
import { el, stampText, openPrintable } from "/common.js";
import { t, lang, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);

export class ReturnDesk {
  /** `call(path, options)` is the signed-in desk's API call; `token()` its session token for printable pages. */
  constructor({ call, token }) {
    this.call = call;
    this.token = token;
    this.query = "";
    this.dossiers = null; // null until the first search
    this.message = null; // {kind: "ok" | "error", text}
    this.delaying = null; // the dossier id whose delay form is open
    this.busy = false;
    $("return-search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.search($("return-search").value);
    });
  }

  reset() {
    this.query = "";
    this.dossiers = null;
    this.message = null;
    this.delaying = null;
    $("return-search").value = "";
    this.render();
  }

  async search(text, { keepMessage = false } = {}) {
    this.query = text.trim();
    if (!keepMessage) this.message = null;
    this.delaying = null;
    if (!this.query) { this.dossiers = null; this.render(); return; }
    try {
      const { data } = await this.call(`/api/v1/dossiers/search?q=${encodeURIComponent(this.query)}`);
      this.dossiers = (data && data.dossiers) || [];
    } catch (error) {
      if (error.status === 401) return;
      this.dossiers = [];
      this.message = { kind: "error", text: errorText(error) };
    }
    this.render();
  }

  async act(work, okText) {
    if (this.busy) return;
    this.busy = true;
    try {
      const { data } = await work();
      this.message = { kind: "ok", text: okText(data || {}) };
      this.delaying = null;
      await this.search(this.query, { keepMessage: true });
    } catch (error) {
      if (error.status !== 401) this.message = { kind: "error", text: errorText(error) };
    } finally {
      this.busy = false;
      this.render();
    }
  }

  returned(d) {
    return this.act(
      () => this.call(`/api/v1/dossiers/${d.id}/return`, { method: "POST" }),
      (done) => t(done.status === "returned-late" ? "ret.done.late" : "ret.done.onTime", { id: done.id }));
  }

  delay(d, form) {
    const reason = form.querySelector("textarea").value.trim();
    const newDate = form.querySelector('input[type="date"]').value;
    return this.act(
      () => this.call(`/api/v1/dossiers/${d.id}/delay`, { method: "POST", body: { reason, newDate } }),
      (saved) => t("ret.delay.saved", { id: saved.id, t: stampText(lang(), saved.newPromisedAt) }));
  }

  apology(d) {
    return openPrintable(`/api/v1/dossiers/${encodeURIComponent(d.id)}/apology`, this.token(), t("ret.apology"));
  }

  render() {
    const box = $("return-message");
    box.hidden = !this.message;
    if (this.message) {
      box.className = `return-message ${this.message.kind}`;
      box.textContent = this.message.text;
    }
    const list = this.dossiers || [];
    $("return-empty").hidden = this.dossiers === null || list.length > 0 || (this.message && this.message.kind === "error");
    $("return-list").replaceChildren(...list.map((d) => this.row(d)));
  }

  row(d) {
    const open = d.promisedAt && !d.returnedAt;
    const mayApologise = d.status === "late" || d.status === "returned-late" || !!d.lateReason;
    const who = [d.citizenName, d.citizenPhone].filter(Boolean).join(" · ");
    return el("li", { class: `return-item status-${d.status}`, dataset: { testid: "return-item", dossier: d.id } },
      el("div", { class: "return-head" },
        el("span", { class: "num" }, t("ret.code", { id: d.id })),
        d.ticket ? el("span", { class: "chip num" }, d.ticket) : null,
        el("span", { class: `chip status ${d.status}`, dataset: { testid: "return-status" } }, t(`ret.status.${d.status}`))),
      el("div", { class: "return-procedure" }, d.procedureName),
      who ? el("div", { class: "return-who" }, who) : null,
      d.promisedAt ? el("div", { class: "return-when" }, t("ret.promised", { t: stampText(lang(), d.promisedAt) })) : null,
      d.newPromisedAt ? el("div", { class: "return-when late" },
        t("ret.newPromised", { t: stampText(lang(), d.newPromisedAt), r: d.lateReason || "" })) : null,
      d.returnedAt ? el("div", { class: "return-when" }, t("ret.returnedAt", { t: stampText(lang(), d.returnedAt) })) : null,
      el("div", { class: "return-actions" },
        open ? el("button", { type: "button", class: "btn success", dataset: { testid: "btn-returned" },
          onclick: () => this.returned(d) }, t("ret.returned")) : null,
        open ? el("button", { type: "button", class: "btn", dataset: { testid: "btn-delay" },
          onclick: () => { this.delaying = this.delaying === d.id ? null : d.id; this.render(); } }, t("ret.delay")) : null,
        mayApologise ? el("button", { type: "button", class: "btn", dataset: { testid: "btn-apology" },
          onclick: () => this.apology(d) }, t("ret.apology")) : null),
      this.delaying === d.id ? this.delayForm(d) : null);
  }

  delayForm(d) {
    const form = el("form", { class: "delay-form", dataset: { testid: "delay-form" } },
      el("label", {}, t("ret.delay.reason"), el("textarea", { rows: 2, maxlength: 500, required: true, dataset: { testid: "delay-reason" } })),
      el("label", {}, t("ret.delay.date"), el("input", { type: "date", required: true, dataset: { testid: "delay-date" } })),
      el("button", { type: "submit", class: "btn primary", dataset: { testid: "delay-save" } }, t("ret.delay.save")));
    form.addEventListener("submit", (event) => { event.preventDefault(); this.delay(d, form); });
    return form;
  }
}
