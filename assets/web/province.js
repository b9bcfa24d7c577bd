// The province office's list of centres (khongcho province serve): each centre's live day and its figures for the
// chosen period against the targets (on time ≥ 98 %, satisfaction ≥ 95 %), ranked by the on-time rate, with the
// province's total (summed counts, rates of summed numerators). Aggregates only.
import { api, el, stampText } from "/common.js";
import { t, lang, applyI18n, bindLangSwitch, onLangChange, formatNumber, formatPercent, errorText } from "/i18n.js";

const $ = (id) => document.getElementById(id);
let answer = null;

function rate(share, target) {
  if (share === null || share === undefined) return el("td", { text: "—" });
  return el("td", { class: target !== undefined && share < target ? "notmet" : "met", text: formatPercent(share) });
}

function row(name, live, figures, rates, seen) {
  return el("tr", { dataset: { testid: "centre-row" } },
    el("td", { class: "name", text: name }),
    el("td", { text: live }),
    rate(rates.onTime, 0.98), rate(rates.sameDay), rate(rates.satisfaction, 0.95), rate(rates.feedbackHandled, 1),
    el("td", { text: formatNumber(figures.issued) }),
    el("td", { text: seen }));
}

function render() {
  if (!answer) return;
  $("period-label").textContent = answer.period.label;
  const ranked = [...answer.centres].sort((a, b) => (b.rates.onTime ?? -1) - (a.rates.onTime ?? -1) || a.code.localeCompare(b.code));
  $("centres").replaceChildren(...ranked.map((c) => row(
    `${c.code} · ${c.name}`, `${c.issuedToday} / ${c.servedToday} / ${c.waiting}`, c.figures, c.rates, stampText(lang(), c.lastSeen))));
  $("total").replaceChildren(row(t("prov.total"), "", answer.total.figures, answer.total.rates, ""));
}

async function load(period) {
  try {
    const query = period ? `?period=${encodeURIComponent(period)}` : "";
    ({ data: answer } = await api(`/api/v1/province/centres${query}`));
    $("period").value = answer.period.text;
    $("csv").href = `/api/v1/province/centres.csv?period=${encodeURIComponent(answer.period.text)}`;
    $("prov-error").hidden = true;
    render();
  } catch (error) {
    $("prov-error").hidden = false;
    $("prov-error").textContent = errorText(error);
  }
}

applyI18n();
bindLangSwitch($("lang-switch"));
onLangChange(render);
$("period-form").addEventListener("submit", (event) => { event.preventDefault(); load($("period").value.trim()); });
load(new URLSearchParams(location.search).get("period"));
setInterval(() => load($("period").value.trim()), 15000);
