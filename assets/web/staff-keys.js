// The staff desk's keyboard: Space = call next, R = recall, D = done and call next, N = no-show, T = transfer
// (focuses the field list; Enter there transfers). Keys are ignored while typing in a field or a dialog is open.
// Also the desk's one question box: confirm a destructive action, or ask for a reason.

const $ = (id) => document.getElementById(id);

const KEYS = { " ": "btn-next", r: "btn-recall", d: "btn-done-next", n: "btn-noshow" };

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** Binds the shortcuts; a key whose button is disabled (nothing to recall…) does nothing. */
export function bindShortcuts() {
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if ($("ask-dialog").open || $("desk-view").hidden || typing(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "t") {
      const select = $("transfer-field");
      if (!select.disabled) { event.preventDefault(); select.focus(); }
      return;
    }
    const button = KEYS[key] && $(KEYS[key]);
    if (!button) return;
    event.preventDefault();
    if (!button.disabled) button.click();
  });
  $("transfer-field").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !$("btn-transfer").disabled) { event.preventDefault(); $("btn-transfer").click(); }
  });
}

/**
 * Asks the officer: `ask({message, confirm, reason})` resolves `true` (confirmed), the reason typed (when
 * `reason` is set; it must not be empty) or `null` (declined: Escape, "Không"). The confirm button has the
 * focus, so a shortcut followed by Enter goes through.
 */
export function ask({ message, confirm, reason = false, reasonRequired = "" }) {
  const dialog = $("ask-dialog");
  $("ask-message").textContent = message;
  $("ask-yes").textContent = confirm;
  $("ask-reason").value = "";
  $("ask-reason").hidden = !reason;
  $("ask-reason-label").hidden = !reason;
  $("ask-error").hidden = true;
  return new Promise((resolve) => {
    const finish = (value) => {
      $("ask-form").removeEventListener("submit", onSubmit);
      $("ask-no").removeEventListener("click", onNo);
      dialog.removeEventListener("cancel", onNo);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      if (!reason) return finish(true);
      const text = $("ask-reason").value.trim();
      if (!text) {
        $("ask-error").textContent = reasonRequired;
        $("ask-error").hidden = false;
        $("ask-reason").focus();
        return;
      }
      finish(text);
    };
    const onNo = (event) => { event.preventDefault(); finish(null); };
    $("ask-form").addEventListener("submit", onSubmit);
    $("ask-no").addEventListener("click", onNo);
    dialog.addEventListener("cancel", onNo);
    dialog.showModal();
    (reason ? $("ask-reason") : $("ask-yes")).focus();
  });
}
