// Verder — optional autocomplete for the search box. The page works fully without it: this
// only adds a list of suggestions under the field (ARIA combobox pattern, keyboard operable).
(function () {
  'use strict';
  var input = document.querySelector('input[data-suggest]');
  if (!input || !window.fetch) return;
  var list = document.createElement('ul');
  list.id = 'suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.insertAdjacentElement('afterend', list);
  var active = -1;
  var timer = null;

  function close() {
    list.hidden = true;
    list.textContent = '';
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
  function select(i) {
    var items = list.querySelectorAll('li');
    items.forEach(function (li, k) { li.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
    active = i;
    if (i >= 0) input.setAttribute('aria-activedescendant', items[i].id);
  }
  function show(suggestions) {
    list.textContent = '';
    suggestions.forEach(function (s, i) {
      var li = document.createElement('li');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.textContent = s.text;  // text, never HTML
      li.addEventListener('mousedown', function (e) {
        e.preventDefault();
        input.value = s.text;
        close();
        input.form.submit();
      });
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', suggestions.length ? 'true' : 'false');
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      fetch('/api/v1/suggest?q=' + encodeURIComponent(q), { credentials: 'omit' })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (d) { if (input.value.trim() === q) show(d.suggestions || []); })
        .catch(close);
    }, 120);
  });
  input.addEventListener('keydown', function (e) {
    var n = list.querySelectorAll('li').length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); select((active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); select((active - 1 + n) % n); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      input.value = list.querySelectorAll('li')[active].textContent;
      close();
      input.form.submit();
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 150); });
})();
