// Voice calls on the hall display: after the chime, each call is spoken ("Mời công dân có số A012 đến quầy
// số 3", then in English when asked) from GET /api/v1/voice/call.wav. Calls wait in one queue, so two calls
// never talk over each other; a recall is announced again with its own wording.
//
// Per display, from the page's URL: ?voice=off (chime only), ?volume=0.5 (0…1), ?lang=vi,en (languages in
// order; ?voiceLang=vi,en does the same without switching the screen's language, which ?lang=en also does).
// The on/off toggle in the corner is remembered in localStorage ("khongcho.voice") and wins over the URL.
// Browsers keep sound off until a first click: the "Bật âm thanh / Enable sound" button shows until then.
import { lang, onLangChange } from "/i18n.js";

const STORAGE_KEY = "khongcho.voice";
const LABEL = /^[A-Z]{1,2}[0-9]{1,4}$/;
const CHIME_MS = 1400; // the two-tone chime rings before the voice
const PAUSE_MS = 500; // between two calls
const STALE_MS = 120000; // a call still queued after two minutes is no longer worth saying
const MAX_QUEUE = 20;
const RETRY_UNAVAILABLE_MS = 60000; // after a 503 (no espeak-ng), text only for a minute, then try again
const BUFFER_CACHE = 40;

const STRINGS = {
  on: ["Giọng đọc: bật", "Voice: on"],
  off: ["Giọng đọc: tắt", "Voice: off"],
  toggleTitle: ["Bật/tắt đọc số gọi trên màn hình này", "Turn spoken calls on/off on this display"],
  unavailable: ["Máy chủ chưa đọc được số (chỉ hiện chữ)", "The server cannot speak calls (text only)"],
};
const say = (key) => STRINGS[key][lang() === "en" ? 1 : 0];

/** The display's voice settings from its URL query and the remembered toggle ("on" / "off" / null). */
export function parseVoiceSettings(search, remembered) {
  const params = new URLSearchParams(search);
  const voice = (params.get("voice") || "").toLowerCase();
  let enabled = !["off", "0", "false", "no"].includes(voice);
  if (remembered === "on") enabled = true;
  else if (remembered === "off") enabled = false;
  const asked = Number.parseFloat(params.get("volume") ?? "1");
  const volume = Number.isFinite(asked) ? Math.min(1, Math.max(0, asked)) : 1;
  const languages = [...new Set((params.get("voiceLang") ?? params.get("lang") ?? "vi").split(",")
    .map((code) => code.trim().toLowerCase()).filter((code) => code === "vi" || code === "en"))];
  return { enabled, volume, languages: languages.length ? languages : ["vi"] };
}

/** Where the spoken call for one language lives (label and counter are checked again by the server). */
export function callAudioURL({ label, counter, recall }, language) {
  const query = new URLSearchParams({ label, counter: String(counter), lang: language, recall: recall ? "1" : "0" });
  return `/api/v1/voice/call.wav?${query}`;
}

function remembered() {
  try { return localStorage.getItem(STORAGE_KEY); } catch (_) { return null; }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class VoiceAnnouncer {
  /** chime: the page's Chime (its AudioContext plays the voice too, so one click unlocks both). */
  constructor(chime, settings = parseVoiceSettings(location.search, remembered())) {
    this.chime = chime;
    this.settings = settings;
    this.queue = [];
    this.busy = false;
    this.buffers = new Map(); // url → decoded AudioBuffer, a recall reuses the call's audio
    this.unavailableUntil = 0;
    this.controls = null;
    this.onChange = () => {};
  }

  get enabled() { return this.settings.enabled; }

  /** Whether the "Enable sound" button is showing (the browser still blocks audio and the voice is on). */
  get needsClick() { return this.settings.enabled && this.chime.blocked; }

  /** Wires the corner buttons: #voice-enable (unlock audio) and #voice-toggle (on/off, remembered). */
  attach({ enable, toggle, onChange = () => {} }) {
    this.controls = { enable, toggle };
    this.onChange = onChange;
    enable.addEventListener("click", () => this.chime.unlock().then(() => this.refresh()));
    toggle.addEventListener("click", () => {
      this.settings.enabled = !this.settings.enabled;
      try { localStorage.setItem(STORAGE_KEY, this.settings.enabled ? "on" : "off"); } catch (_) { /* storage off */ }
      if (!this.settings.enabled) this.queue.length = 0;
      this.chime.unlock().then(() => this.refresh());
    });
    onLangChange(() => this.refresh());
    document.addEventListener("pointerdown", () => setTimeout(() => this.refresh(), 50));
    this.refresh();
    setTimeout(() => this.refresh(), 1500);
  }

  refresh() {
    if (!this.controls) return;
    const { enable, toggle } = this.controls;
    enable.hidden = !this.needsClick;
    toggle.textContent = say(this.settings.enabled ? "on" : "off");
    toggle.setAttribute("aria-pressed", String(this.settings.enabled));
    toggle.title = Date.now() < this.unavailableUntil ? say("unavailable") : say("toggleTitle");
    toggle.classList.toggle("unavailable", Date.now() < this.unavailableUntil);
    this.onChange();
  }

  /** A call or recall to announce: with the voice off only the chime rings, as before. */
  announce({ label, counter, recall = false }) {
    if (!this.settings.enabled) {
      this.chime.play();
      return;
    }
    if (this.queue.length >= MAX_QUEUE) this.queue.shift();
    this.queue.push({ label, counter, recall, queuedAt: Date.now() });
    this.pump();
  }

  async pump() {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length) {
        const call = this.queue.shift();
        if (Date.now() - call.queuedAt > STALE_MS) continue;
        await this.speak(call).catch(() => {});
      }
    } finally {
      this.busy = false;
    }
  }

  async speak(call) {
    this.chime.play();
    await sleep(CHIME_MS);
    const speakable = LABEL.test(call.label || "") && Number.isInteger(call.counter) && call.counter >= 1 && call.counter <= 99;
    if (!speakable || !this.settings.enabled) return;
    for (const language of this.settings.languages) {
      const buffer = await this.audio(call, language);
      if (buffer) await this.play(buffer);
    }
    await sleep(PAUSE_MS);
  }

  /** The decoded call, or null when the server cannot speak (503: no espeak-ng) or the audio is unusable. */
  async audio(call, language) {
    const context = this.chime.ensure();
    if (!context || context.state !== "running" || Date.now() < this.unavailableUntil) return null;
    const url = callAudioURL(call, language);
    if (this.buffers.has(url)) return this.buffers.get(url);
    let response;
    try {
      response = await fetch(url);
    } catch (_) {
      return null;
    }
    if (response.status === 503) {
      this.unavailableUntil = Date.now() + RETRY_UNAVAILABLE_MS;
      this.refresh();
      return null;
    }
    if (!response.ok) return null;
    try {
      const buffer = await context.decodeAudioData(await response.arrayBuffer());
      if (this.buffers.size >= BUFFER_CACHE) this.buffers.delete(this.buffers.keys().next().value);
      this.buffers.set(url, buffer);
      return buffer;
    } catch (_) {
      return null;
    }
  }

  /** Plays one buffer at the display's volume; resolves when it has finished (or could not start). */
  play(buffer) {
    const context = this.chime.ensure();
    if (!context || context.state !== "running") return Promise.resolve();
    return new Promise((resolve) => {
      const source = context.createBufferSource();
      const gain = context.createGain();
      gain.gain.value = this.settings.volume;
      source.buffer = buffer;
      source.connect(gain).connect(context.destination);
      const done = () => { clearTimeout(guard); resolve(); };
      // A suspended context never fires "ended": do not let one call hold the queue forever.
      const guard = setTimeout(done, (buffer.duration + 2) * 1000);
      source.onended = done;
      source.start();
    });
  }
}
