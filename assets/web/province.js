// The province office's app (khongcho province serve): each centre's live day and its figures for the chosen period
// against the province's targets (GET /api/v1/province/centres: `targets`), the fields ranked across the province,
// the province's total, a CSV and a printable A4. A centre's row opens its fields (…/centres/{code}); its officers
// (…/centres/{code}/officers, optionally for one field) need a province office account, whose token is kept in
// sessionStorage. The URL keeps ?period=&centre=&field= so a view can be reloaded or shared.
import { api, el, stampText } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, formatNumber, formatPercent, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);
const SESSION_KEY = "khongcho.province.session";
const REFRESH_MS = 15000;

let answer = null; // GET /api/v1/province/centres
let periodWanted = ""; // the period asked for before the first answer (from the URL or the form)
let centre = null; // the open centre's code
let detail = null; // GET /api/v1/province/centres/{code}
let detailError = null;
let field = null; // the field the officers are filtered by
let officers = null; // GET …/officers
let officerError = null;
let loginError = null; // the sign-in box's error (an ApiError), re-translated on language change
let session = loadSession(); // {token, username, role}
const sequence = { overview: 0, detail: 0, officers: 0 };

// ---------------------------------------------------------------- formatting

function rate(share, target, meets) {
  if (share === null || share === undefined) return el("td", { class: "num", text: t("dash") });
  let verdict = null;
  if (meets === true || meets === false) verdict = meets ? "met" : "notmet";
  else if (target !== undefined && target !== null) verdict = share < target ? "notmet" : "met";
  return el("td", { class: verdict ? `num ${verdict}` : "num", text: formatPercent(share) });
}

/** Minutes with one decimal ("4,2"), or "—". */
function minutes(value) {
  if (value === null || value === undefined) return t("dash");
  return new Intl.NumberFormat(lang() === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    .format(Number(value));
}

/** A field's code; the rollup's "" (ratings and feedback that name no field) in words. */
const fieldLabel = (code) => code || t("prov.field.none");

const number = (value) => el("td", { class: "num", text: formatNumber(value) });

function fieldTarget(code) {
  const targets = answer && answer.targets;
  if (!targets) return undefined;
  const own = targets.satisfactionByField && targets.satisfactionByField[code];
  return own ?? targets.satisfaction;
}

// ---------------------------------------------------------------- the URL

function periodText() {
  return periodWanted;
}

function withPeriod(path) {
  const period = periodText();
  return period ? `${path}${path.includes("?") ? "&" : "?"}period=${encodeURIComponent(period)}` : path;
}

function syncUrl(push = false) {
  const params = new URLSearchParams();
  if (periodText()) params.set("period", periodText());
  if (centre) params.set("centre", centre);
  if (centre && field) params.set("field", field);
  const query = params.toString();
  const next = `${location.pathname}${query ? `?${query}` : ""}`;
  if (next === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, "", next); else history.replaceState(null, "", next);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  periodWanted = (params.get("period") || "").trim();
  centre = (params.get("centre") || "").trim() || null;
  field = centre ? (params.get("field") || "").trim() || null : null;
}

// ---------------------------------------------------------------- the overview

function centreRow(c) {
  const name = `${c.code} · ${c.name}`;
  const targets = answer.targets || {};
  return el("tr", { dataset: { testid: "centre-row", centre: c.code }, class: c.code === centre ? "selected" : null },
    el("td", { class: "name" },
      el("button", {
        type: "button", class: "prov-link", dataset: { testid: "centre-link" }, "aria-expanded": c.code === centre ? "true" : "false",
        title: t("prov.centre.open", { name }), text: name, onclick: () => openCentre(c.code),
      })),
    el("td", { class: "num", text: `${formatNumber(c.issuedToday)} / ${formatNumber(c.servedToday)} / ${formatNumber(c.waiting)}` }),
    rate(c.rates.onTime, targets.onTime), rate(c.rates.sameDay), rate(c.rates.satisfaction, targets.satisfaction),
    rate(c.rates.feedbackHandled, 1),
    el("td", { class: "num", text: minutes(c.rates.meanWaitMinutes) }),
    number(c.figures.issued),
    el("td", { class: "seen", text: stampText(lang(), c.lastSeen) }));
}

function totalRow(total) {
  const targets = answer.targets || {};
  return el("tr", { dataset: { testid: "total-row" } },
    el("td", { class: "name", text: t("prov.total") }),
    el("td"),
    rate(total.rates.onTime, targets.onTime), rate(total.rates.sameDay), rate(total.rates.satisfaction, targets.satisfaction),
    rate(total.rates.feedbackHandled, 1),
    el("td", { class: "num", text: minutes(total.rates.meanWaitMinutes) }),
    number(total.figures.issued),
    el("td"));
}

/** A ranked field: rank, code, satisfaction against its own target, the target, on time, ratings, tickets. */
function fieldCells(f, code) {
  return [
    el("td", { class: "num rank", text: formatNumber(f.rank) }),
    el("td", { class: f.field ? "field" : "field none" }, code),
    rate(f.rates.satisfaction, f.satisfactionTarget, f.meetsSatisfaction),
    el("td", { class: "num target", text: `≥ ${formatPercent(f.satisfactionTarget)}` }),
    rate(f.rates.onTime, f.onTimeTarget, f.meetsOnTime),
    number(f.figures.ratings),
    number(f.figures.issued),
  ];
}

function emptyRow(columns, key) {
  return el("tr", { class: "empty" }, el("td", { colspan: String(columns), text: t(key) }));
}

function renderTargets() {
  const targets = answer.targets;
  if (!targets) {
    $("targets").textContent = "";
    return;
  }
  const lower = Object.entries(targets.satisfactionByField || {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, share]) => t("prov.targets.field", { field: code, share: formatPercent(share) }));
  $("targets").textContent = [
    t("prov.targets", { onTime: formatPercent(targets.onTime), satisfaction: formatPercent(targets.satisfaction) }), ...lower,
  ].join(" · ");
}

function renderOverview() {
  if (!answer) return;
  $("period-label").textContent = answer.period.label;
  renderTargets();
  const ranked = [...answer.centres].sort((a, b) => (b.rates.onTime ?? -1) - (a.rates.onTime ?? -1) || a.code.localeCompare(b.code));
  $("centres").replaceChildren(...ranked.map(centreRow));
  $("total").replaceChildren(totalRow(answer.total));
  const fields = answer.fields || [];
  $("fields").replaceChildren(...(fields.length
    ? fields.map((f) => el("tr", { dataset: { testid: "field-row", field: f.field } }, ...fieldCells(f, fieldLabel(f.field))))
    : [emptyRow(7, "prov.ranking.empty")]));
}

async function loadOverview() {
  const mine = ++sequence.overview;
  try {
    const { data } = await api(`/api/v1/province/centres${periodWanted ? `?period=${encodeURIComponent(periodWanted)}` : ""}`);
    if (mine !== sequence.overview) return;
    answer = data;
    periodWanted = answer.period.text;
    if (document.activeElement !== $("period")) $("period").value = answer.period.text;
    $("csv").href = `/api/v1/province/centres.csv?period=${encodeURIComponent(answer.period.text)}`;
    $("a4").href = `/api/v1/province/centres.html?period=${encodeURIComponent(answer.period.text)}`;
    $("prov-error").hidden = true;
    renderOverview();
    syncUrl();
  } catch (error) {
    if (mine !== sequence.overview) return;
    $("prov-error").hidden = false;
    $("prov-error").textContent = errorText(error);
  }
}

// ---------------------------------------------------------------- one centre

function renderDetail() {
  const section = $("centre-detail");
  section.hidden = !centre;
  if (!centre) return;
  const live = detail && detail.centre.code === centre ? detail.centre : null;
  $("detail-title").textContent = live ? t("prov.detail.title", { code: live.code, name: live.name }) : centre;
  $("detail-summary").replaceChildren(...(live ? [
    el("span", { text: t("prov.detail.summary", {
      issuedToday: formatNumber(live.issuedToday), servedToday: formatNumber(live.servedToday), waiting: formatNumber(live.waiting),
      counters: formatNumber(live.openCounters), longest: minutes(live.longestWaitSeconds / 60), alerts: formatNumber(live.deviceAlerts),
    }) }),
    el("span", { text: t("prov.detail.period", {
      issued: formatNumber(live.figures.issued), served: formatNumber(live.figures.served),
      satisfaction: formatPercent(live.rates.satisfaction), onTime: formatPercent(live.rates.onTime),
    }) }),
  ] : []));
  $("detail-error").hidden = !detailError;
  if (detailError) $("detail-error").textContent = errorText(detailError);
  const fields = live ? detail.fields : [];
  $("centre-fields").replaceChildren(...(live && !fields.length ? [emptyRow(7, "prov.ranking.empty")] : fields.map((f) => {
    // The officers' API reads an empty field as "every field", so the no-field bucket cannot filter them.
    if (!f.field) return el("tr", { dataset: { testid: "centre-field-row", field: "" } }, ...fieldCells(f, fieldLabel(f.field)));
    const chosen = f.field === field;
    return el("tr", {
      dataset: { testid: "centre-field-row", field: f.field }, class: chosen ? "pickable selected" : "pickable",
      onclick: () => pickField(chosen ? null : f.field),
    }, ...fieldCells(f, el("button", {
      type: "button", class: "prov-link", "aria-pressed": chosen ? "true" : "false", text: f.field,
      onclick: (event) => { event.stopPropagation(); pickField(chosen ? null : f.field); },
    })));
  })));
  renderOfficers();
}

async function loadDetail() {
  if (!centre) return;
  const code = centre;
  const mine = ++sequence.detail;
  try {
    const { data } = await api(withPeriod(`/api/v1/province/centres/${encodeURIComponent(code)}`));
    if (mine !== sequence.detail || code !== centre) return;
    detail = data;
    detailError = null;
  } catch (error) {
    if (mine !== sequence.detail || code !== centre) return;
    detail = null;
    detailError = error;
  }
  renderDetail();
}

function openCentre(code) {
  if (code === centre) {
    $("centre-detail").scrollIntoView({ block: "start", behavior: "smooth" });
    return;
  }
  centre = code;
  field = null;
  detail = null;
  detailError = null;
  officers = null;
  officerError = null;
  syncUrl(true);
  renderOverview();
  renderDetail();
  $("centre-detail").scrollIntoView({ block: "start" });
  loadDetail();
  loadOfficers();
}

function closeCentre() {
  centre = null;
  field = null;
  detail = null;
  officers = null;
  syncUrl(true);
  renderOverview();
  renderDetail();
}

function pickField(code) {
  field = code;
  officers = null;
  officerError = null;
  syncUrl();
  renderDetail();
  loadOfficers();
}

// ---------------------------------------------------------------- officers (signed in)

function loadSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    // The server alone judges expiry (its answer is 401, handled in loadOfficers): its clock, not this browser's —
    // a training clock or a PC whose clock is off would otherwise drop a session the server still honours.
    if (saved && saved.token) return saved;
  } catch (_) { /* storage disabled or garbage */ }
  return null;
}

function saveSession(next) {
  session = next;
  try {
    if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session)); else sessionStorage.removeItem(SESSION_KEY);
  } catch (_) { /* storage disabled: the session lasts as long as the page */ }
}

function renderOfficers() {
  const signedIn = !!session;
  $("office-login").hidden = signedIn;
  $("office-user").hidden = !signedIn;
  if (signedIn) $("office-user-name").textContent = t("prov.signed.in", { u: session.username, r: t(`prov.role.${session.role}`) });
  $("office-login-error").hidden = !loginError;
  if (loginError) $("office-login-error").textContent = errorText(loginError);
  $("officer-filter").hidden = !field;
  if (field) $("officer-filter-text").textContent = t("prov.officers.field", { field });
  $("officer-error").hidden = !(signedIn && officerError);
  if (signedIn && officerError) $("officer-error").textContent = errorText(officerError);
  const rows = signedIn && officers ? officers.officers : null;
  $("officer-view").hidden = !rows;
  if (!rows) {
    $("officers").replaceChildren();
    return;
  }
  const onTime = answer && answer.targets ? answer.targets.onTime : undefined;
  // Judged by the chosen field's own target; across fields an officer's mix decides, so no colour then.
  const satisfaction = field ? fieldTarget(field) : undefined;
  $("officers").replaceChildren(...(rows.length ? rows.map((o) => el("tr", { dataset: { testid: "officer-row", officer: o.username } },
    el("td", { class: "officer", text: o.username }),
    number(o.figures.served),
    el("td", { class: "num", text: minutes(o.rates.meanWaitMinutes) }),
    rate(o.rates.satisfaction, satisfaction),
    rate(o.rates.onTime, onTime))) : [emptyRow(5, "prov.officers.empty")]));
}

async function loadOfficers() {
  if (!centre || !session) {
    renderOfficers();
    return;
  }
  const [code, chosen, token] = [centre, field, session.token];
  const mine = ++sequence.officers;
  const query = chosen ? `?field=${encodeURIComponent(chosen)}` : "";
  try {
    const { data } = await api(withPeriod(`/api/v1/province/centres/${encodeURIComponent(code)}/officers${query}`), { token });
    if (mine !== sequence.officers || code !== centre || chosen !== field) return;
    officers = data;
    officerError = null;
  } catch (error) {
    if (mine !== sequence.officers) return;
    officers = null;
    if (error.status === 401) {
      // The token is no good any more (expired, or the office revoked it): back to the sign-in form, in the server's words.
      saveSession(null);
      loginError = error;
      officerError = null;
      renderOfficers();
      $("office-username").focus();
      return;
    }
    officerError = error;
  }
  renderOfficers();
}

async function login(event) {
  event.preventDefault();
  const username = $("office-username").value.trim();
  const password = $("office-password").value;
  loginError = null;
  $("office-login-error").hidden = true;
  $("office-login-btn").disabled = true;
  try {
    const { data } = await api("/api/v1/province/auth/login", { method: "POST", body: { username, password } });
    saveSession({ token: data.token, username: data.username, role: data.role });
    $("office-password").value = "";
    officerError = null;
    renderOfficers();
    await loadOfficers();
  } catch (error) {
    loginError = error;
    $("office-password").value = "";
    renderOfficers();
    $("office-password").focus();
  } finally {
    $("office-login-btn").disabled = false;
  }
}

function logout() {
  // The server ends the session (the token is refused from then on); the page forgets it either way.
  const token = session && session.token;
  if (token) api("/api/v1/province/auth/logout", { method: "POST", token }).catch(() => {});
  saveSession(null);
  officers = null;
  officerError = null;
  loginError = null;
  ++sequence.officers;
  renderOfficers();
  $("office-username").focus();
}

// ---------------------------------------------------------------- wiring

async function refresh() {
  await loadOverview();
  if (centre) await Promise.all([loadDetail(), loadOfficers()]);
}

applyI18n();
bindLangSwitch($("lang-switch"));
onLangChange(() => {
  renderOverview();
  renderDetail();
});
$("period-form").addEventListener("submit", (event) => {
  event.preventDefault();
  periodWanted = $("period").value.trim();
  $("period").blur();
  refresh();
});
$("detail-close").addEventListener("click", closeCentre);
$("officer-all").addEventListener("click", () => pickField(null));
$("office-login").addEventListener("submit", login);
$("office-logout").addEventListener("click", logout);
window.addEventListener("popstate", () => {
  readUrl();
  detail = null;
  officers = null;
  renderDetail();
  refresh();
});

readUrl();
renderDetail();
refresh();
setInterval(refresh, REFRESH_MS);
