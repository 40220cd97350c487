// Ticket page: a template picker that inserts the filled-in text without reloading, a pending date that is
// required exactly when a pending state is chosen, and the print button. Each works without this file too.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("compose-form");
  const insert = document.getElementById("insert-template");
  if (form && insert && form.dataset.render) {
    insert.addEventListener("click", async (event) => {
      const template = document.getElementById("compose-template");
      const body = document.getElementById("compose-body");
      const csrf = form.querySelector("input[name=_csrf]");
      if (!template || !body || !csrf) return;
      event.preventDefault();
      try {
        const response = await fetch(form.dataset.render + encodeURIComponent(template.value) + "/render", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf.value, Accept: "application/json" },
          body: JSON.stringify({ language: document.documentElement.lang }),
        });
        if (!response.ok) { form.requestSubmit(insert); return; }
        const rendered = await response.json();
        const at = body.selectionStart ?? body.value.length;
        body.value = body.value.slice(0, at) + rendered.text + body.value.slice(at);
        body.focus();
        body.setSelectionRange(at + rendered.text.length, at + rendered.text.length);
      } catch (error) {
        form.requestSubmit(insert);
      }
    });
  }

  // A pending state needs its date: mark the date field required while such a state is chosen.
  [["edit-state", "edit-pending"], ["new-state", "new-pending"]].forEach(([stateID, dateID]) => {
    const state = document.getElementById(stateID);
    const date = document.getElementById(dateID);
    if (!state || !date) return;
    const update = () => { date.required = Boolean(state.selectedOptions[0] && state.selectedOptions[0].dataset.pending); };
    state.addEventListener("change", update);
    update();
  });

  document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
});
