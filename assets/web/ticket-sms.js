// "Nhắn tin cho tôi khi sắp đến lượt" on the ticket's phone page: a phone and the citizen's consent (the number is
// kept until the end of the day, for one message once 3 or fewer people are ahead), then "Sẽ nhắn tin đến số
// •••••••456" with "Huỷ, xoá số". Shown only while the ticket waits and the centre can send SMS
// (GET /api/v1/public/tickets/{token}/sms); what the server refuses (no consent, not a mobile number, no longer
// waiting) is shown in its words under the form. The page checks nothing itself.
import { api } from "/common.js";
import { t, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);

export class TicketSMS {
  constructor(token) {
    this.url = `/api/v1/public/tickets/${encodeURIComponent(token)}/sms`;
    this.answer = null; // {available, subscribed, phone?} as the server last said
    this.loading = null;
    this.waiting = false;
    this.busy = null; // "PUT" or "DELETE" while one is under way
    this.error = null;
    $("sms-form").addEventListener("submit", (event) => { event.preventDefault(); this.subscribe(); });
    $("sms-remove").addEventListener("click", () => this.remove());
  }

  /** The ticket as the page last read it: the card is for a waiting ticket only (read on first need). */
  follow(status) {
    this.waiting = !!status && status.state === "waiting";
    if (this.waiting && !this.answer && !this.loading) {
      this.loading = api(this.url).then(({ data }) => { this.answer = data; }, () => {})
        .finally(() => { this.loading = null; this.render(); });
    }
    this.render();
  }

  subscribe() {
    return this.send("PUT", { phone: $("sms-phone").value.trim(), consent: $("sms-consent").checked });
  }

  remove() { return this.send("DELETE"); }

  async send(method, body) {
    if (this.busy) return;
    this.busy = method;
    this.error = null;
    this.render();
    try {
      this.answer = (await api(this.url, { method, body })).data;
      // The number is with the server now (or deleted): the screen keeps none of it.
      $("sms-phone").value = "";
      $("sms-consent").checked = false;
    } catch (error) {
      this.error = error;
    }
    this.busy = null;
    this.render();
  }

  render() {
    const answer = this.answer;
    // A number already kept can still be deleted, even if the modem went away meanwhile.
    const shown = this.waiting && !!answer && (answer.available || answer.subscribed);
    $("sms-card").hidden = !shown;
    if (!shown) return;
    const subscribed = !!answer.subscribed;
    $("sms-form").hidden = subscribed;
    $("sms-done").hidden = !subscribed;
    $("sms-done-text").textContent = subscribed ? t("sms.ticket.subscribed", { p: answer.phone || "" }) : "";
    $("sms-submit").disabled = !!this.busy;
    $("sms-remove").disabled = !!this.busy;
    $("sms-submit").textContent = t(this.busy === "PUT" ? "sms.ticket.saving" : "sms.ticket.submit");
    $("sms-remove").textContent = t(this.busy === "DELETE" ? "sms.ticket.removing" : "sms.ticket.remove");
    const box = $("sms-error");
    box.hidden = !this.error;
    box.textContent = this.error ? errorText(this.error) : "";
  }
}
