/* Gazette default theme script. Loaded in <head> without defer so the large-type class is set
   before the first paint; everything else waits for DOMContentLoaded. No inline script or
   style is needed (the site runs under script-src 'self'; style-src 'self'). */
(function () {
  'use strict';

  var KEY = 'gazette.largeType';
  var LARGE = 'large-type';
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY) === '1'; } catch (e) { return false; }
  }

  function store(on) {
    try {
      if (on) { window.localStorage.setItem(KEY, '1'); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* private mode: the switch still works for this page */ }
  }

  /* Netlify Identity's invitation, password-recovery and confirmation links lead to the home page; the administration page,
     which has the Identity widget, takes them (data-identity is its address, set when editors log in with Netlify Identity). */
  if (root.getAttribute('data-identity') && /^#(invite|recovery|confirmation|email_change)_token=/.test(window.location.hash)) {
    window.location.replace(root.getAttribute('data-identity') + window.location.hash);
    return;
  }

  root.classList.add('js');
  if (stored()) { root.classList.add(LARGE); }

  function bindLargeType() {
    var buttons = document.querySelectorAll('[data-large-type]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute('aria-pressed', root.classList.contains(LARGE) ? 'true' : 'false');
      button.hidden = false;
      button.addEventListener('click', function () {
        var on = !root.classList.contains(LARGE);
        root.classList.toggle(LARGE, on);
        store(on);
        Array.prototype.forEach.call(buttons, function (b) {
          b.setAttribute('aria-pressed', on ? 'true' : 'false');
        });
      });
    });
  }

  function bindPrint() {
    if (typeof window.print !== 'function') { return; }
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  /* The outline is open by default (and without JS); on phones it starts folded. */
  function foldOutlineOnNarrowScreens() {
    if (!window.matchMedia || !window.matchMedia('(max-width: 40em)').matches) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('details[data-collapse-narrow]'), function (d) {
      d.open = false;
    });
  }

  /* Wrap body tables in a focusable, labelled region that scrolls sideways on small screens. */
  function wrapTables() {
    var bodies = document.querySelectorAll('.doc-body');
    Array.prototype.forEach.call(bodies, function (body) {
      var label = body.getAttribute('data-table-label') || '{number}';
      var tables = body.querySelectorAll('table');
      Array.prototype.forEach.call(tables, function (table, i) {
        var parent = table.parentNode;
        if (parent && parent.classList && parent.classList.contains('table-scroll')) { return; }
        var wrap = document.createElement('div');
        wrap.className = 'table-scroll';
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('tabindex', '0');
        var caption = table.querySelector('caption');
        wrap.setAttribute('aria-label', caption && caption.textContent.trim()
          ? caption.textContent.trim()
          : label.replace('{number}', String(i + 1)));
        Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (th) {
          if (!th.hasAttribute('scope')) { th.setAttribute('scope', 'col'); }
        });
        parent.insertBefore(wrap, table);
        wrap.appendChild(table);
      });
    });
  }

  function init() {
    bindLargeType();
    bindPrint();
    foldOutlineOnNarrowScreens();
    wrapTables();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
