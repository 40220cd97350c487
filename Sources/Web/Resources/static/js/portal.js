/* Portal: request-form items with data-show-field="a.NAME" data-show-values="x|y" appear only while the answer to
   NAME is one of the values (the server decides the same again on every page, so the form works without script). */
(function () {
  function answers(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if (input.type === 'checkbox') { values.push(input.checked ? 'true' : 'false'); }
      else if (input.tagName === 'SELECT') { Array.prototype.forEach.call(input.selectedOptions, function (o) { if (o.value) values.push(o.value); }); }
      else if (input.value) { values.push(input.value); }
    });
    return values;
  }
  function update(form) {
    form.querySelectorAll('[data-show-field]').forEach(function (item) {
      var controller = form.querySelector('[name="' + item.dataset.showField + '"]');
      var ownerHidden = controller && controller.closest('[data-show-field]') && controller.closest('[data-show-field]').hidden;
      var wanted = item.dataset.showValues.split('|');
      var show = !ownerHidden && answers(form, item.dataset.showField).some(function (v) { return wanted.indexOf(v) >= 0; });
      item.hidden = !show;
    });
  }
  document.querySelectorAll('form[data-conditions]').forEach(function (form) {
    form.addEventListener('change', function () { update(form); });
    form.addEventListener('input', function () { update(form); });
  });
})();
