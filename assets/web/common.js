// Shared helpers for the pages: JSON API calls, the staff pages' sign-in, the live event stream with
// self-healing reconnects, Vietnam-time formatting and a small chime.
import { t, onLangChange, errorText } from "/i18n.js";

/** An API failure: HTTP status plus the server's {code, message (vi), messageEn}; code "network" when unreachable. */
export class ApiError extends Error {
  constructor(status, code, message, messageEn) {
    super(messageEn || message || code);
    this.status = status;
    this.code = code;
    this.message = message;
    this.messageEn = messageEn;
  }
}

/** Calls the JSON API. Resolves to {status, data} (data null for 204); rejects with ApiError. */
export async function api(path, { method = "GET", body, token, timeoutMs = 10000 } = {}) {
  const headers = { Accept: "application/json" };
  // A file (a logo) goes as it is, with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers["Content-Type"] = raw ? body.type || "application/octet-stream" : "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined || raw ? body : JSON.stringify(body),
      cache: "no-store", signal: controller.signal,
    });
  } catch (_) {
    throw new ApiError(0, "network", "", "");
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  const text = response.status === 204 ? "" : await response.text();
  if (text) {
    try { data = JSON.parse(text); } catch (_) { data = null; }
  }
  if (!response.ok) {
    const detail = (data && data.error) || {};
    throw new ApiError(response.status, detail.code || `http_${response.status}`, detail.message || "", detail.messageEn || "");
  }
  return { status: response.status, data };
}

/**
 * The sign-in of a staff page (counter desk, supervisor's dashboard, admin's devices), so that the three
 * behave alike: the login form, the session kept per page in sessionStorage (a desk signed in as quay3 does
 * not sign the same tab's dashboard in), sign-out, and back to the login form when the server says the
 * token is no good. Expects the pages' common markup: #login-view, #login-form, #login-username,
 * #login-password, #btn-login, #login-error, #user-box, #user-name and #btn-logout.
 *  - storageKey: where this page keeps {token, user}.
 *  - roles: the roles allowed in (null: any signed-in account); others are refused with "login.forbidden".
 *  - signOutOn: the statuses of call() that end the session (the desk keeps its session on a 403, which
 *    there means "not your counter", not "not your page").
 *  - onEnter(user): shows the page's own view and starts it, after sign-in or a resumed session.
 *  - onSignedOut(): hides the page's own view and stops its streams and timers.
 */
export class StaffSignIn {
  constructor({ storageKey, roles = null, signOutOn = [401, 403], onEnter, onSignedOut = () => {} }) {
    Object.assign(this, { storageKey, roles, signOutOn, onEnter, onSignedOut });
    this.session = null; // {token, user}
    this.error = null; // the login box's error (an i18n key or an ApiError), re-translated on language change
  }

  get user() { return this.session && this.session.user; }

  get token() { return this.session ? this.session.token : ""; }

  /** Binds the form and the sign-out button, then resumes the saved session (checked with /me) or shows the form. */
  async start() {
    onLangChange(() => {
      this.renderUser();
      if (!byId("login-error").hidden && this.error) this.showError(this.error);
    });
    byId("login-form").addEventListener("submit", (event) => this.login(event));
    byId("btn-logout").addEventListener("click", () => this.logout());
    this.session = this.load();
    if (!this.session) {
      this.signOut(null);
      return;
    }
    try {
      const { data: user } = await this.call("/api/v1/me");
      if (!this.allows(user)) {
        this.signOut("login.forbidden");
        return;
      }
      this.session.user = user;
      this.save();
    } catch (_) {
      if (!this.session) return; // signed out by call()
      // Server unreachable: keep the saved session; the page's stream keeps retrying.
    }
    await this.enter();
  }

  /** api() with this session's token; a status in signOutOn sends the page back to the login form. */
  async call(path, options = {}) {
    try {
      return await api(path, { ...options, token: this.session && this.session.token });
    } catch (error) {
      if (this.signOutOn.includes(error.status) && this.session) {
        this.signOut(error.status === 401 ? "staff.msg.expired" : error);
      }
      throw error;
    }
  }

  async login(event) {
    event.preventDefault();
    const username = byId("login-username").value.trim();
    const password = byId("login-password").value;
    byId("login-error").hidden = true;
    byId("btn-login").disabled = true;
    try {
      const { data } = await api("/api/v1/auth/login", { method: "POST", body: { username, password } });
      if (!this.allows(data.user)) {
        api("/api/v1/auth/logout", { method: "POST", token: data.token }).catch(() => {});
        this.showError("login.forbidden");
        return;
      }
      this.session = { token: data.token, user: data.user };
      this.save();
      byId("login-password").value = "";
      await this.enter();
    } catch (error) {
      this.showError(error);
    } finally {
      byId("btn-login").disabled = false;
    }
  }

  logout() {
    const token = this.session && this.session.token;
    if (token) api("/api/v1/auth/logout", { method: "POST", token }).catch(() => {});
    this.signOut(null);
  }

  /** Forgets the session and shows the login form, with reason (an i18n key or an ApiError) when given. */
  signOut(reason) {
    this.session = null;
    this.save();
    this.onSignedOut();
    byId("user-box").hidden = true;
    byId("login-view").hidden = false;
    if (reason) this.showError(reason);
    byId("login-username").focus();
  }

  showError(error) {
    this.error = error;
    const box = byId("login-error");
    box.textContent = typeof error === "string" ? t(error) : errorText(error);
    box.hidden = false;
  }

  renderUser() {
    const user = this.user;
    if (user) byId("user-name").textContent = t("staff.signed.in", { u: user.displayName || user.username, r: t(`role.${user.role}`) });
  }

  async enter() {
    byId("login-view").hidden = true;
    byId("login-error").hidden = true;
    byId("user-box").hidden = false;
    this.renderUser();
    await this.onEnter(this.session.user);
  }

  allows(user) {
    return !!user && (this.roles === null || this.roles.includes(user.role));
  }

  load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey) || "null");
      if (saved && saved.token && saved.user) return saved;
    } catch (_) { /* ignore */ }
    return null;
  }

  save() {
    if (this.session) sessionStorage.setItem(this.storageKey, JSON.stringify(this.session));
    else sessionStorage.removeItem(this.storageKey);
  }
}

const byId = (id) => document.getElementById(id);

/**
 * Follows GET /api/v1/events.
 *  - load(): async, (re)reads the page's state and returns the event id it is current to (or null to start
 *    from "now"); called before the first connection and again before every reconnection, so a page
 *    recovers by itself after the server restarts.
 *  - onEvent(event): each ticket event, once, in id order.
 *  - onStatus("online" | "offline").
 *  - onOpen(): after each successful connection (e.g. to refetch anything that may have changed meanwhile).
 *  - onCounter(counter): a counter was paused or resumed (live-only `event: counter`).
 *  - onAlert(alert): a device problem (live-only `event: alert`), for supervisor screens.
 *  - onRating({counter, level, ticket}): a citizen just rated (live-only `event: rating`): say thank you.
 *  - onHall({footer, announcement}): the admin changed the hall's name, logo, footer or ticker (`event: hall`).
 * When the server cannot replay what was missed (too far behind, or an id it does not know) it sends one
 * `event: snapshot` (the hall state) instead: the stream then re-reads the page's state with load() and
 * resumes from there, as after any reconnection.
 */
export class LiveStream {
  constructor({ load, onEvent, onStatus = () => {}, onOpen = () => {}, onCounter = () => {}, onAlert = () => {},
    onRating = () => {}, onHall = () => {} }) {
    Object.assign(this, { load, onEvent, onStatus, onOpen, onCounter, onAlert, onRating, onHall });
    this.lastId = null;
    this.source = null;
    this.retryDelay = 1000;
    this.retryTimer = null;
    this.stopped = false;
    this.online = null; // unknown until the first connection attempt ends
    window.addEventListener("online", () => this.reconnectSoon(0));
  }

  async start() {
    this.stopped = false;
    await this.resync();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.source) this.source.close();
    this.source = null;
  }

  async resync() {
    if (this.stopped) return;
    try {
      const id = await this.load();
      if (this.stopped) return;
      if (id !== undefined) this.lastId = id;
      this.open();
    } catch (error) {
      if (this.stopped) return;
      this.setStatus("offline");
      this.reconnectSoon();
    }
  }

  open() {
    if (this.source) this.source.close();
    const url = this.lastId === null || this.lastId === undefined ? "/api/v1/events" : `/api/v1/events?since=${this.lastId}`;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener("open", () => {
      if (source !== this.source) return;
      this.retryDelay = 1000;
      this.setStatus("online");
      this.onOpen();
    });
    source.addEventListener("ticket", (message) => {
      if (source !== this.source) return;
      const id = Number(message.lastEventId);
      if (this.lastId !== null && Number.isFinite(id) && id <= this.lastId) return;
      if (Number.isFinite(id)) this.lastId = id;
      let event;
      try { event = JSON.parse(message.data); } catch (_) { return; }
      try { this.onEvent(event); } catch (error) { console.error(error); }
    });
    source.addEventListener("snapshot", () => {
      if (source !== this.source) return;
      source.close();
      this.source = null;
      this.resync();
    });
    for (const [name, handler] of [["counter", "onCounter"], ["alert", "onAlert"], ["rating", "onRating"], ["hall", "onHall"]]) {
      source.addEventListener(name, (message) => {
        if (source !== this.source) return;
        try { this[handler](JSON.parse(message.data)); } catch (error) { console.error(error); }
      });
    }
    source.addEventListener("error", () => {
      if (source !== this.source) return;
      // Take reconnection into our own hands: re-read the state first, then resume from its event id.
      source.close();
      this.source = null;
      this.setStatus("offline");
      this.reconnectSoon();
    });
  }

  reconnectSoon(delay = this.retryDelay) {
    if (this.stopped || this.source) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.resync(), delay);
    this.retryDelay = Math.min(this.retryDelay * 2, 3000);
  }

  setStatus(status) {
    const online = status === "online";
    if (this.online !== null && online === this.online) return;
    this.online = online;
    this.onStatus(status);
  }
}

/** Runs fn at most once per `wait` ms; calls during the wait fold into one trailing call. */
export function throttle(fn, wait) {
  let last = 0;
  let timer = null;
  return function throttled() {
    const now = Date.now();
    const remaining = last + wait - now;
    if (remaining <= 0 && !timer) {
      last = now;
      fn();
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        fn();
      }, Math.max(remaining, 0));
    }
  };
}

const VN = "Asia/Ho_Chi_Minh";

/** HH:MM:SS in Vietnam time, whatever the device's zone. */
export function clockText(date = new Date()) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: VN, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  }).format(date);
}

/** HH:MM in Vietnam time. */
export function shortTime(value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat("en-GB", { timeZone: VN, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

/** "Thứ Bảy, 28/11/2026" or "Saturday, 28/11/2026" in Vietnam time. */
export function dateText(language, date = new Date()) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: VN, weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" })
    .formatToParts(date);
  const get = (type) => (parts.find((p) => p.type === type) || {}).value || "";
  const index = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"));
  const vi = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  const en = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const day = (language === "en" ? en : vi)[index] || "";
  return `${day}, ${get("day")}/${get("month")}/${get("year")}`;
}

/** "17:30 Thứ Sáu, 06/03/2026": an instant as the citizen reads it on a slip. */
export function stampText(language, value) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return `${shortTime(date)} ${dateText(language, date)}`;
}

/**
 * A printable page (an apology letter) in a new tab. The session token goes in the Authorization header, never
 * in a URL (where it would stay in the browser history and proxy logs): the tab is opened at once (inside the
 * click, so no popup blocker stops it) and shows the page from a local blob once it arrives.
 */
export async function openPrintable(path, token, title) {
  const tab = window.open("", "_blank");
  try {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: "text/html" }, cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = URL.createObjectURL(new Blob([await response.text()], { type: "text/html;charset=utf-8" }));
    if (tab) tab.location.href = page; else window.location.href = page;
  } catch (error) {
    if (tab) tab.close();
    window.alert(`${title}: ${error.message}`);
  }
}

/** A short two-tone "ding-dong" made with WebAudio oscillators (no sound file). */
export class Chime {
  constructor() {
    this.context = null;
  }

  ensure() {
    if (!this.context) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return null;
      this.context = new Ctx();
    }
    return this.context;
  }

  /** Whether the browser still waits for a user gesture before it lets us play. */
  get blocked() {
    const ctx = this.ensure();
    return !!ctx && ctx.state !== "running";
  }

  unlock() {
    const ctx = this.ensure();
    if (ctx && ctx.state !== "running") return ctx.resume().catch(() => {});
    return Promise.resolve();
  }

  play() {
    const ctx = this.ensure();
    if (!ctx) return;
    if (ctx.state !== "running") ctx.resume().catch(() => {});
    const start = ctx.currentTime + 0.02;
    [[880, 0], [660, 0.45]].forEach(([freq, offset]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.35, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 1);
    });
  }
}

/** Creates an element: el("div", {class: "x", dataset: {a: 1}}, child, "text"). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
