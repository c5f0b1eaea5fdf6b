/* gazette serve: reloads the page when the site was rebuilt, and shows the build's errors over the page while the content
   has errors (the last good site stays served). Injected by the preview server only; never part of a built site. */
(function () {
  'use strict';
  let known = null;
  let overlay = null;

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(errors) {
    hide();
    overlay = document.createElement('section');
    overlay.id = 'gazette-build-errors';
    overlay.setAttribute('role', 'alert');
    Object.assign(overlay.style, {
      position: 'fixed', inset: '0 0 auto 0', maxHeight: '60vh', overflow: 'auto', zIndex: '2147483647', margin: '0',
      padding: '1rem 1.25rem', background: '#fff5f5', color: '#7a1010', borderBottom: '4px solid #b42318',
      font: '14px/1.5 ui-monospace, monospace', boxShadow: '0 4px 16px rgba(0,0,0,.25)',
    });
    const heading = overlay.appendChild(document.createElement('h2'));
    heading.textContent = '构建失败 Build failed: ' + errors.length + ' error(s). The page below is the last good build.';
    Object.assign(heading.style, { font: 'bold 15px/1.4 sans-serif', margin: '0 0 .5rem' });
    const list = overlay.appendChild(document.createElement('pre'));
    list.textContent = errors.join('\n');
    Object.assign(list.style, { margin: '0', whiteSpace: 'pre-wrap', font: 'inherit' });
    const close = overlay.appendChild(document.createElement('button'));
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    Object.assign(close.style, { position: 'absolute', top: '.5rem', right: '.75rem', font: '20px sans-serif', cursor: 'pointer' });
    close.addEventListener('click', hide);
    document.body.appendChild(overlay);
  }

  const events = new EventSource('/__gazette/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    /* A new site since this page was loaded (or since the connection was lost): load it. */
    if (known !== null && state.generation !== known) { location.reload(); return; }
    known = state.generation;
    if (state.errors.length) { show(state.errors); } else { hide(); }
  });
}());
