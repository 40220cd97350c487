// Ticketwerk: small progressive enhancements. Every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Links that go back where the visitor came from (error pages).
  document.querySelectorAll("[data-back]").forEach((link) => {
    link.addEventListener("click", (event) => {
      if (history.length > 1) { event.preventDefault(); history.back(); }
    });
  });

  // Forms that ask before doing something that cannot be undone.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });

  // "Select all" checkboxes: data-select-all="NAME" toggles every checkbox named NAME.
  document.querySelectorAll("input[data-select-all]").forEach((master) => {
    master.addEventListener("change", () => {
      document.querySelectorAll(`input[type=checkbox][name="${master.dataset.selectAll}"]`).forEach((box) => { box.checked = master.checked; });
    });
  });

  // Regions that refresh themselves: data-refresh="SECONDS" reloads the element from the same URL.
  document.querySelectorAll("[data-refresh][id]").forEach((region) => {
    const seconds = Math.max(5, parseInt(region.dataset.refresh, 10) || 30);
    const seen = new Set([...region.querySelectorAll("[data-ticket]")].map((row) => row.dataset.ticket));
    region.setAttribute("aria-live", "polite");
    const refresh = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(location.href, { headers: { "X-Requested-With": "refresh" }, credentials: "same-origin" });
        if (!response.ok || response.redirected) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById(region.id);
        if (!fresh || fresh.innerHTML === region.innerHTML) return;
        const focused = document.activeElement && document.activeElement.id;
        region.innerHTML = fresh.innerHTML;
        region.querySelectorAll("[data-ticket]").forEach((row) => {
          if (!seen.has(row.dataset.ticket)) { row.classList.add("arrived"); seen.add(row.dataset.ticket); }
        });
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      } catch (error) {
        // Offline or the server restarts: try again at the next tick.
      }
    };
    setInterval(refresh, seconds * 1000);
    document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
  });

  // Type-ahead lookups: <input data-lookup="/agent/lookup/contacts" list="ID"> fills the datalist as one types.
  document.querySelectorAll("input[data-lookup][list]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const term = input.value.trim();
      if (term.length < 2 || !list) return;
      timer = setTimeout(async () => {
        const url = `${input.dataset.lookup}?q=${encodeURIComponent(term)}`;
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) return;
        const items = await response.json();
        list.replaceChildren(...items.map((item) => {
          const option = document.createElement("option");
          option.value = item.value;
          option.label = item.label;
          return option;
        }));
      }, 150);
    });
  });
});
