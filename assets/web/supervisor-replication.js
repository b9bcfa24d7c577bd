// The supervisor's line about replication to the province (serve --province): the centre code, the facts not yet
// applied there and how far behind it is, red while it fails. Hidden when the centre is not in province mode (404).
import { t, formatNumber } from "/i18n.js";

export async function showReplication(call) {
  const box = document.getElementById("replication");
  try {
    const { data } = await call("/api/v1/supervisor/replication");
    box.hidden = false;
    box.classList.toggle("failing", Boolean(data.lastError));
    box.textContent = t("sup.replication", {
      centre: data.centre, backlog: formatNumber(data.backlog), lag: formatNumber(Math.round(data.lagSeconds)),
    });
    box.title = data.lastError || "";
  } catch (error) {
    box.hidden = true;
  }
}
