// Priority as a step of its own: one clear button under the fields opens a screen of five categories; the one
// chosen shows as a banner over the fields (with "Bỏ chọn") and goes with the next ticket.
import { t, priorityName } from "/i18n.js";
import { $, state, show } from "/kiosk-state.js";

/** `showHome` returns to the start once a category is chosen (or none, with "Không, quay lại"). */
export function bindPriority(showHome) {
  $("priority-step").addEventListener("click", () => show("screen-priority"));
  for (const button of document.querySelectorAll(".priority-btn")) {
    button.addEventListener("click", () => {
      setPriority(button.dataset.priority);
      showHome();
    });
  }
  $("priority-back").addEventListener("click", () => {
    setPriority("none");
    showHome();
  });
  $("priority-clear").addEventListener("click", () => setPriority("none"));
}

/** The priority the next ticket carries ("none" for none): the banner over the fields says which. */
export function setPriority(code) {
  state.priority = code;
  for (const button of document.querySelectorAll(".priority-btn")) {
    const on = button.dataset.priority === code;
    button.classList.toggle("selected", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  renderPriorityChosen();
}

export function renderPriorityChosen() {
  const chosen = state.priority !== "none";
  $("priority-step").hidden = chosen;
  $("priority-chosen").hidden = !chosen;
  $("priority-chosen-text").textContent = chosen ? t("kiosk.priority.note", { p: priorityName(state.priority) }) : "";
}
