// The admin's setup page (/admin): the sections Lĩnh vực, Quầy, Tài khoản, Lịch, Mục tiêu and Thiết bị, each
// read from and saved through the admin API. Every save is validated and audited by the server and takes effect
// without a restart; the page shows the server's own error when it refuses one (a field with waiting tickets…).
import { api, StaffSignIn, el } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, errorText } from "/i18n.js";
import { ask } from "/staff-keys.js";
import { bindHours, renderHours } from "/admin-hours.js";
import { bindBooking, renderBooking } from "/admin-booking.js";

const SESSION_KEY = "khongcho.admin.session"; // shared with /admin/devices
const $ = (id) => document.getElementById(id);

const state = { catalog: null, users: [], calendarYears: [], calendar: null, year: null, targets: null, devices: [], message: null };

const auth = new StaffSignIn({ storageKey: SESSION_KEY, roles: ["admin"], onEnter: enter, onSignedOut: leave });
const call = (path, options) => auth.call(path, options);

function leave() { $("admin-view").hidden = true; }

async function enter() {
  $("admin-view").hidden = false;
  await Promise.all([loadIdentity(), loadCatalog(), loadUsers(), loadCalendarYears(), loadTargets(), loadDevices(), loadSettings(), loadKioskPin(), loadHours()]);
  await loadBooking();
}

function say(kind, text) {
  state.message = { kind, text };
  const box = $("admin-message");
  box.hidden = false;
  box.className = `staff-message ${kind}`;
  box.textContent = text;
}

/** Runs a save; says what happened (the server's words on refusal) and re-reads what it changed. */
async function save(work, okText, reload) {
  try {
    await work();
    say("success", okText);
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  await reload();
}

// ---------- Trung tâm ----------

async function loadIdentity() {
  try {
    const { data } = await call("/api/v1/admin/identity");
    state.identity = data;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderIdentity();
}

function renderIdentity() {
  const identity = state.identity;
  if (!identity) return;
  const form = $("identity-form");
  for (const key of ["centreName", "footer", "announcement"]) form.elements[key].value = identity[key] || "";
  $("centre-name").textContent = identity.centreName || "\u00a0";
  const preview = $("logo-preview");
  preview.hidden = !identity.logo;
  if (identity.logo) preview.src = identity.logo;
  $("logo-none").hidden = Boolean(identity.logo);
  $("logo-remove").hidden = !identity.logo;
}

function bindIdentity() {
  $("identity-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const body = Object.fromEntries(["centreName", "footer", "announcement"].map((key) => [key, form.elements[key].value.trim()]));
    save(() => call("/api/v1/admin/identity", { method: "PUT", body }), t("adm.saved", { n: body.centreName }), loadIdentity);
  });
  $("logo-file").addEventListener("change", (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    save(() => call("/api/v1/admin/logo", { method: "PUT", body: file }), t("adm.i.logoSaved"), loadIdentity);
  });
  $("logo-remove").addEventListener("click", async () => {
    if (!(await ask({ message: t("adm.i.confirmRemove"), confirm: t("adm.i.removeLogo") }))) return;
    await save(() => call("/api/v1/admin/logo", { method: "DELETE" }), t("adm.i.logoRemoved"), loadIdentity);
  });
}

// ---------- Lĩnh vực, Quầy ----------

async function loadCatalog() {
  try {
    const { data } = await call("/api/v1/admin/catalog");
    state.catalog = data;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderCatalog();
}

function fieldName(field) { return lang() === "en" ? field.nameEn || field.name : field.name; }

function renderCatalog() {
  const catalog = state.catalog;
  if (!catalog) return;
  $("fields-body").replaceChildren(...catalog.fields.map((f) => el("tr", { dataset: { field: f.code } },
    el("td", { class: "num" }, f.prefix), el("td", {}, f.code), el("td", {}, f.name), el("td", {}, f.nameEn),
    el("td", {}, String(catalog.procedures.filter((p) => p.field === f.code).length)),
    el("td", { class: "actions" },
      el("button", { type: "button", class: "btn small", onclick: () => editField(f) }, t("adm.edit")),
      el("button", { type: "button", class: "btn small danger-outline", dataset: { testid: "field-delete" },
        onclick: () => removeField(f) }, t("adm.delete"))))));
  $("counters-body").replaceChildren(...catalog.counters.map((c) => el("tr", { dataset: { counter: c.number } },
    el("td", { class: "num" }, String(c.number)), el("td", {}, c.name),
    el("td", {}, c.fields.map((code) => { const f = catalog.fields.find((x) => x.code === code); return f ? fieldName(f) : code; }).join(", ")),
    el("td", { class: "actions" },
      el("button", { type: "button", class: "btn small", onclick: () => editCounter(c) }, t("adm.edit")),
      el("button", { type: "button", class: "btn small danger-outline", onclick: () => removeCounter(c) }, t("adm.delete"))))));
  const chosen = new Set([...document.querySelectorAll("#counter-fields input:checked")].map((i) => i.value));
  $("counter-fields").replaceChildren(...catalog.fields.map((f) => el("label", {},
    el("input", { type: "checkbox", value: f.code, checked: chosen.has(f.code), dataset: { testid: `counter-field-${f.code}` } }), ` ${fieldName(f)}`)));
  const counterSelect = $("user-counter");
  const current = counterSelect.value;
  counterSelect.replaceChildren(el("option", { value: "" }, t("dash")),
    ...catalog.counters.map((c) => el("option", { value: String(c.number), selected: String(c.number) === current }, `${c.number} – ${c.name}`)));
  renderProcedures();
  renderTargets();
}

function renderProcedures() {
  const catalog = state.catalog;
  $("procedures-body").replaceChildren(...catalog.procedures.map((p) => {
    const field = catalog.fields.find((f) => f.code === p.field);
    return el("tr", { dataset: { procedure: p.code } },
      el("td", { class: "num" }, p.code), el("td", {}, p.name), el("td", {}, field ? fieldName(field) : p.field),
      el("td", { class: "num" }, String(p.workingDays)), el("td", { class: "fee" }, p.fee || t("dash")),
      el("td", { class: "num documents" }, String((p.documents || []).length)),
      el("td", { class: "actions" },
        el("button", { type: "button", class: "btn small", onclick: () => editProcedure(p) }, t("adm.edit")),
        el("button", { type: "button", class: "btn small danger-outline", onclick: () => removeProcedure(p) }, t("adm.delete"))));
  }));
  const select = $("procedure-field");
  const current = select.value;
  select.replaceChildren(...catalog.fields.map((f) => el("option", { value: f.code, selected: f.code === current }, fieldName(f))));
}

function editProcedure(p) {
  const form = $("procedure-form");
  for (const key of ["code", "field", "name", "workingDays", "sameDayGroup", "fee"]) form.elements[key].value = p[key] ?? "";
  form.elements.noWaitFriday.checked = p.noWaitFriday;
  form.elements.documents.value = (p.documents || []).join("\n");
  form.elements.name.focus();
}

async function removeProcedure(p) {
  if (!(await ask({ message: t("adm.p.confirmDelete", { n: p.name }), confirm: t("adm.delete") }))) return;
  await save(() => call(`/api/v1/admin/procedures/${encodeURIComponent(p.code)}`, { method: "DELETE" }),
    t("adm.deleted", { n: p.name }), loadCatalog);
}

function bindProcedureForm() {
  $("procedure-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const procedure = {
      code: form.elements.code.value.trim(), field: form.elements.field.value, name: form.elements.name.value.trim(),
      workingDays: Number(form.elements.workingDays.value), sameDayGroup: Number(form.elements.sameDayGroup.value),
      noWaitFriday: form.elements.noWaitFriday.checked, fee: form.elements.fee.value.trim(),
      documents: form.elements.documents.value.split("\n").map((line) => line.trim()).filter(Boolean),
    };
    save(() => call(`/api/v1/admin/procedures/${encodeURIComponent(procedure.code)}`, { method: "PUT", body: procedure }),
      t("adm.saved", { n: procedure.name }), loadCatalog).then(() => { if (state.message.kind === "success") form.reset(); });
  });
}

function editField(f) {
  const form = $("field-form");
  for (const key of ["code", "prefix", "name", "nameEn", "waitTargetMinutes"]) form.elements[key].value = f[key];
  form.elements.name.focus();
}

function editCounter(c) {
  const form = $("counter-form");
  form.elements.number.value = c.number;
  form.elements.name.value = c.name;
  for (const box of document.querySelectorAll("#counter-fields input")) box.checked = c.fields.includes(box.value);
  form.elements.name.focus();
}

async function removeField(f) {
  if (!(await ask({ message: t("adm.f.confirmDelete", { n: f.name }), confirm: t("adm.delete") }))) return;
  await save(() => call(`/api/v1/admin/fields/${encodeURIComponent(f.code)}`, { method: "DELETE" }),
    t("adm.deleted", { n: f.name }), loadCatalog);
}

async function removeCounter(c) {
  if (!(await ask({ message: t("adm.c.confirmDelete", { n: c.number }), confirm: t("adm.delete") }))) return;
  await save(() => call(`/api/v1/admin/counters/${c.number}`, { method: "DELETE" }), t("adm.deleted", { n: c.name }), loadCatalog);
}

function bindCatalogForms() {
  $("field-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const field = {
      code: form.elements.code.value.trim(), prefix: form.elements.prefix.value.trim(), name: form.elements.name.value.trim(),
      nameEn: form.elements.nameEn.value.trim(), waitTargetMinutes: Number(form.elements.waitTargetMinutes.value),
    };
    save(() => call(`/api/v1/admin/fields/${encodeURIComponent(field.code)}`, { method: "PUT", body: field }),
      t("adm.saved", { n: field.name }), loadCatalog).then(() => { if (state.message.kind === "success") form.reset(); });
  });
  $("counter-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const counter = {
      number: Number(form.elements.number.value), name: form.elements.name.value.trim(),
      fields: [...document.querySelectorAll("#counter-fields input:checked")].map((i) => i.value),
    };
    save(() => call(`/api/v1/admin/counters/${counter.number}`, { method: "PUT", body: counter }),
      t("adm.saved", { n: counter.name }), loadCatalog).then(() => {
      if (state.message.kind !== "success") return;
      form.reset();
      for (const box of document.querySelectorAll("#counter-fields input")) box.checked = false;
    });
  });
}

// ---------- Tài khoản ----------

async function loadUsers() {
  try {
    const { data } = await call("/api/v1/admin/users");
    state.users = data || [];
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  $("users-body").replaceChildren(...state.users.map((u) => el("tr", { dataset: { user: u.username } },
    el("td", {}, u.username), el("td", { class: "display-name" }, u.displayName || t("dash")), el("td", {}, t(`role.${u.role}`)), el("td", { class: "num" }, u.counter ? String(u.counter) : t("dash")),
    el("td", { class: "actions" },
      el("button", { type: "button", class: "btn small", dataset: { testid: "user-rename" }, onclick: () => rename(u) }, t("adm.u.rename")),
      el("button", { type: "button", class: "btn small", dataset: { testid: "user-reset" }, onclick: () => resetPassword(u) }, t("adm.u.reset")),
      el("button", { type: "button", class: "btn small danger-outline", onclick: () => removeUser(u) }, t("adm.delete"))))));
}

async function resetPassword(u) {
  const password = await ask({ message: t("adm.u.resetFor", { n: u.username }), confirm: t("adm.u.reset"), reason: true,
    reasonRequired: t("adm.u.passwordRequired") });
  if (!password) return;
  await save(() => call(`/api/v1/admin/users/${encodeURIComponent(u.username)}`, { method: "PUT",
    body: { role: u.role, counter: u.counter ?? null, password } }), t("adm.u.resetDone", { n: u.username }), loadUsers);
}

async function rename(u) {
  const displayName = await ask({ message: t("adm.u.renameFor", { n: u.username }), confirm: t("adm.save"), reason: true,
    reasonRequired: t("adm.u.nameRequired") });
  if (!displayName) return;
  await save(() => call(`/api/v1/admin/users/${encodeURIComponent(u.username)}`, { method: "PUT",
    body: { role: u.role, counter: u.counter ?? null, displayName } }), t("adm.saved", { n: displayName }), loadUsers);
}

async function removeUser(u) {
  if (!(await ask({ message: t("adm.u.confirmDelete", { n: u.username }), confirm: t("adm.delete") }))) return;
  await save(() => call(`/api/v1/admin/users/${encodeURIComponent(u.username)}`, { method: "DELETE" }), t("adm.deleted", { n: u.username }), loadUsers);
}

function bindUserForm() {
  $("user-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const counter = form.elements.counter.value;
    const user = { username: form.elements.username.value.trim(), password: form.elements.password.value,
      role: form.elements.role.value, counter: counter ? Number(counter) : null };
    const displayName = form.elements.displayName.value.trim();
    if (displayName) user.displayName = displayName;
    save(() => call("/api/v1/admin/users", { method: "POST", body: user }), t("adm.saved", { n: user.username }), loadUsers)
      .then(() => { if (state.message.kind === "success") form.reset(); });
  });
}

// ---------- Lịch ----------

async function loadCalendarYears() {
  try {
    const { data } = await call("/api/v1/admin/calendar");
    state.calendarYears = (data && data.years) || [];
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  const select = $("calendar-year");
  const thisYear = Number((state.targetsDay || "").slice(0, 4)) || new Date().getFullYear();
  if (!state.year) state.year = state.calendarYears.some((y) => y.year === thisYear) ? thisYear : (state.calendarYears[0] || {}).year;
  select.replaceChildren(...state.calendarYears.map((y) => el("option", { value: String(y.year), selected: y.year === state.year },
    t("adm.cal.yearOption", { y: y.year, h: y.holidays, s: y.swappedWorkingDays }))));
  await loadCalendar();
}

async function loadCalendar() {
  if (!state.year) return;
  try {
    const { data } = await call(`/api/v1/admin/calendar/${state.year}`);
    state.calendar = data;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderCalendar();
}

function renderCalendar() {
  const year = state.calendar;
  if (!year) return;
  const holidays = new Map(year.holidays.map((h) => [h.date, h.name]));
  const swapped = new Map(year.swappedWorkingDays.map((h) => [h.date, h.name || ""]));
  const months = [];
  for (let month = 1; month <= 12; month += 1) {
    const first = new Date(Date.UTC(year.year, month - 1, 1));
    const days = new Date(Date.UTC(year.year, month, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7; // Monday first
    const cells = Array(lead).fill(null).concat([...Array(days).keys()].map((d) => d + 1));
    const rows = [];
    for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
    months.push(el("div", { class: "cal-month" }, el("h4", {}, t("adm.cal.month", { m: month })),
      el("table", {}, el("tbody", {}, rows.map((row) => el("tr", {}, row.map((day, index) => {
        if (!day) return el("td", {});
        const iso = `${year.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const kind = holidays.has(iso) ? "holiday" : swapped.has(iso) ? "swapped" : index >= 5 ? "off" : "";
        return el("td", { class: kind || undefined, title: holidays.get(iso) || swapped.get(iso) || undefined, dataset: { day: iso } }, String(day));
      })))))));
  }
  $("calendar-months").replaceChildren(...months);
  $("calendar-holidays").replaceChildren(
    ...year.holidays.map((h) => el("li", { dataset: { testid: "holiday" } }, `${h.date.split("-").reverse().join("/")} — ${h.name}`)),
    ...year.swappedWorkingDays.map((h) => el("li", { class: "swapped" }, t("adm.cal.swapped", { d: h.date.split("-").reverse().join("/"), n: h.name || "" }))));
}

async function loadBooking() {
  try {
    const { data } = await call("/api/v1/admin/booking");
    state.booking = data;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderBooking(state.booking, state.catalog && state.catalog.fields);
}

async function loadHours() {
  try {
    const { data } = await call("/api/v1/admin/hours");
    state.hours = data;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderHours(state.hours);
}

function bindCalendar() {
  $("calendar-year").addEventListener("change", (event) => { state.year = Number(event.target.value); loadCalendar(); });
  $("calendar-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    let year;
    try {
      year = JSON.parse(await file.text());
    } catch (error) {
      say("error", t("adm.cal.notJSON", { n: file.name }));
      return;
    }
    if (!year || !Number.isInteger(year.year)) { say("error", t("adm.cal.noYear", { n: file.name })); return; }
    state.year = year.year;
    await save(() => call(`/api/v1/admin/calendar/${year.year}`, { method: "PUT", body: year }),
      t("adm.cal.imported", { y: year.year, h: (year.holidays || []).length }), loadCalendarYears);
  });
}

// ---------- Mục tiêu, Thiết bị ----------

async function loadTargets() {
  try {
    const { data } = await call("/api/v1/admin/targets");
    state.targets = data;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderTargets();
}

const percent = (share) => String(Math.round(share * 1000) / 10);

/** The rates as a form (percent), and each field's wait target (edited under Lĩnh vực) as a list. */
function renderTargets() {
  const targets = state.targets;
  const catalog = state.catalog;
  if (!targets || !catalog) return;
  const form = $("targets-form");
  form.elements.promisesOnTime.value = percent(targets.promisesOnTime);
  form.elements.satisfaction.value = percent(targets.satisfaction.overall);
  form.elements.waitMinutesOnNoWaitFriday.value = targets.waitMinutesOnNoWaitFriday ?? "";
  form.elements.idleCounterMinutes.value = targets.idleCounterMinutes;
  form.elements.promiseRiskMinutes.value = targets.promiseRiskMinutes;
  form.elements.feedbackWorkingDays.value = targets.feedbackWorkingDays ?? 10;
  $("target-fields").replaceChildren(...catalog.fields.map((f) => el("label", {}, `${fieldName(f)} `,
    el("input", { type: "number", min: "0", max: "100", step: "0.1", class: "short", dataset: { field: f.code, testid: `target-field-${f.code}` },
      value: f.code in targets.satisfaction.fields ? percent(targets.satisfaction.fields[f.code]) : "" }))));
  $("targets-body").replaceChildren(...catalog.fields.map((f) =>
    el("tr", {}, el("td", {}, t("adm.t.wait", { f: fieldName(f) })), el("td", { class: "num" }, t("unit.minutes", { n: f.waitTargetMinutes })))));
}

function bindTargets() {
  $("targets-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const share = (value) => Math.round(Number(value) * 10) / 1000;
    const fields = {};
    for (const input of document.querySelectorAll("#target-fields input")) {
      if (input.value.trim() !== "") fields[input.dataset.field] = share(input.value);
    }
    const friday = form.elements.waitMinutesOnNoWaitFriday.value.trim();
    const body = {
      promisesOnTime: share(form.elements.promisesOnTime.value),
      satisfaction: { overall: share(form.elements.satisfaction.value), fields },
      idleCounterMinutes: Number(form.elements.idleCounterMinutes.value),
      promiseRiskMinutes: Number(form.elements.promiseRiskMinutes.value),
      feedbackWorkingDays: Number(form.elements.feedbackWorkingDays.value),
      ...(friday ? { waitMinutesOnNoWaitFriday: Number(friday) } : {}),
    };
    save(() => call("/api/v1/admin/targets", { method: "PUT", body }), t("adm.t.saved"), loadTargets);
  });
}

async function loadDevices() {
  try {
    const { data } = await call("/api/v1/admin/devices");
    state.devices = (data && data.devices) || [];
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  $("devices-list").replaceChildren(...(state.devices.length ? state.devices.map((d) => el("li", { dataset: { device: d.id } },
    `${d.name} (${t(`adm.d.kind.${d.kind}`)}) — ${lang() === "en" ? d.statusTextEn : d.statusText}`
    + (d.counter ? ` · ${t("adm.d.counter", { n: d.counter })}` : ""))) : [el("li", {}, t("adm.d.none"))]));
}

/** Whether the kiosks' settings screen has a PIN; the admin sets a new one or removes it. */
async function loadKioskPin() {
  try {
    const { data } = await call("/api/v1/admin/kiosk-pin");
    state.kioskPin = data.pinSet;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderKioskPin();
}

function renderKioskPin() {
  $("kiosk-pin-state").textContent = t(state.kioskPin ? "adm.k.on" : "adm.k.off");
  $("kiosk-pin-remove").hidden = !state.kioskPin;
}

function bindKioskPin() {
  $("kiosk-pin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = event.target.elements.pin;
    const pin = input.value.trim();
    input.value = "";
    save(() => call("/api/v1/admin/kiosk-pin", { method: "PUT", body: { pin } }), t("adm.k.saved"), loadKioskPin);
  });
  $("kiosk-pin-remove").addEventListener("click", async () => {
    if (!(await ask({ message: t("adm.k.removeAsk"), confirm: t("adm.k.remove") }))) return;
    save(() => call("/api/v1/admin/kiosk-pin", { method: "DELETE" }), t("adm.k.removed"), loadKioskPin);
  });
}

/** The link tickets carry; a warning on top when a phone could not open it (loopback only, no LAN address). */
async function loadSettings() {
  try {
    const { data } = await call("/api/v1/admin/settings");
    state.link = data.publicLink;
  } catch (error) {
    if (error.status !== 401) say("error", errorText(error));
  }
  renderSettings();
}

function renderSettings() {
  const link = state.link;
  if (!link) return;
  $("public-url").textContent = `${link.url}/t/…`;
  const warning = lang() === "en" ? link.warningEn : link.warning;
  $("public-url-warning").hidden = !warning;
  $("public-url-warning").textContent = warning || "";
}

// ---------- Start ----------

async function init() {
  applyI18n();
  document.title = t("adm.doc.title");
  bindLangSwitch($("lang-switch"));
  onLangChange(() => { document.title = t("adm.doc.title"); renderCatalog(); renderCalendar(); renderSettings(); renderKioskPin(); renderHours(state.hours); renderBooking(state.booking, state.catalog && state.catalog.fields); loadUsers(); loadDevices(); });
  bindIdentity();
  bindCatalogForms();
  bindProcedureForm();
  bindTargets();
  bindUserForm();
  bindCalendar();
  bindKioskPin();
  bindHours({ call, say, reload: loadHours });
  bindBooking({ call, say, reload: loadBooking });
  api("/api/v1/hall").then(({ data }) => { $("centre-name").textContent = data.centreName || "\u00a0"; }).catch(() => {});
  await auth.start();
}

init();
