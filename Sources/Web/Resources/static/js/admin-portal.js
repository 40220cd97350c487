/* Admin area, portal: the form preview (form[data-preview]) shows conditions live like the portal but is never sent. */
(function () {
  document.querySelectorAll('form[data-preview]').forEach(function (form) {
    form.addEventListener('submit', function (event) { event.preventDefault(); });
  });
})();
