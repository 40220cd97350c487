// CMDB pages: small enhancements; every page works without them.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // <select data-autosubmit> sends its form as soon as the choice changes (graph depth, version comparison).
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => { if (select.form) select.form.requestSubmit(); });
  });
});
