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

/* Knowledge hints: an input with data-hints="/portal/hints" asks for published solutions matching what was typed
   (after a short pause) and lists them in the element named by data-hints-target. */
(function () {
  document.querySelectorAll('input[data-hints]').forEach(function (input) {
    var box = document.getElementById(input.dataset.hintsTarget);
    var list = box && box.querySelector('ul');
    var timer = null;
    if (!list) { return; }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 3) { box.hidden = true; return; }
        fetch(input.dataset.hints + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.json() : { items: [] }; })
          .then(function (data) {
            list.textContent = '';
            (data.items || []).forEach(function (hint) {
              var item = document.createElement('li');
              var title = document.createElement('strong');
              title.textContent = hint.title;
              var text = document.createElement('p');
              text.textContent = hint.text;
              item.appendChild(title);
              item.appendChild(text);
              list.appendChild(item);
            });
            box.hidden = list.children.length === 0;
          })
          .catch(function () { box.hidden = true; });
      }, 250);
    });
  });
})();
