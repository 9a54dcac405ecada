// The theme's scripts (Bootstrap and pydata-sphinx-theme's own), loaded when a reader first
// reaches for what they run, not with the page (issue 29): on a phone they were the page's
// longest tasks (Bootstrap alone 450-620 ms at Lighthouse's CPU slow-down), and the text, the
// charts and the colour mode (set before the first paint by the page's first inline script)
// need neither. They run the menus, the sidebars' dialogs, search, the colour switch,
// tooltips and the in-page contents' highlighting. They load:
// - when a pointer or the focus reaches one of the controls they run, or on any key (a
//   keyboard reader also gets their tab stops on scrollable code and tables);
// - at idle on a wide screen, where the in-page contents they keep in step with the reading
//   position is always in view, and a computer's CPU makes light work of them.
// A click (or Ctrl/Cmd+K) that comes before they have run is held and replayed once they
// have, so the first tap on the menu opens it.
(function () {
  const me = document.currentScript;
  const urls = me.dataset.themeScripts.split(" ");
  // What does nothing until they have run; and, with what only shows a tooltip, what they
  // are worth fetching for.
  const CONTROLS = ".theme-switch-button, .search-button__button, .primary-toggle, " +
    ".secondary-toggle, [data-bs-toggle]:not([data-bs-toggle='tooltip'])";
  const TRIGGERS = CONTROLS + ", [data-bs-toggle='tooltip']";
  // Where the theme's stylesheet shows the in-page contents beside the text.
  const WIDE = "(min-width: 1200px)";
  let ready = false;
  let loading = null;

  function load() {
    if (!loading) {
      loading = Promise.all(urls.map(function (url) {
        return new Promise(function (resolve, reject) {
          const script = document.createElement("script");
          script.src = url;
          // Run in the listed order (Bootstrap first), though fetched side by side.
          script.async = false;
          script.onload = resolve;
          script.onerror = function () {
            loading = null;
            reject(new Error("could not load " + url));
          };
          document.head.appendChild(script);
        });
      })).then(function () { ready = true; });
    }
    return loading;
  }
  function closest(event, selector) {
    return event.target instanceof Element ? event.target.closest(selector) : null;
  }
  function isSearchKey(event) {
    return (event.ctrlKey || event.metaKey) && /^k$/i.test(event.key);
  }

  ["pointerover", "pointerdown", "touchstart", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (closest(event, TRIGGERS)) { load(); }
    }, { capture: true, passive: true });
  });
  // The theme hooks its dialogs to the first menu and contents buttons of the page, the
  // header's, which the book theme hides; the ones a reader sees (the article header's) did
  // nothing on a phone. A click on any of them is passed to the one the theme listens to.
  function standIn(target) {
    const kind = [".primary-toggle", ".secondary-toggle"].find(function (k) {
      return target.matches(k);
    });
    return kind ? document.querySelector(kind) : target;
  }
  document.addEventListener("click", function (event) {
    const target = closest(event, CONTROLS);
    if (!target || (ready && standIn(target) === target)) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    load().then(function () { standIn(target).click(); });
  }, true);
  window.addEventListener("keydown", function (event) {
    if (ready) { return; }
    load();
    if (!isSearchKey(event)) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    const again = { key: event.key, code: event.code, ctrlKey: event.ctrlKey,
      metaKey: event.metaKey, bubbles: true };
    loading.then(function () { window.dispatchEvent(new KeyboardEvent("keydown", again)); });
  }, true);

  // The theme's script gives scrollable code, outputs and tables a tab stop, so a keyboard
  // can scroll them (WCAG 2.1.1); until it has run, this does the same, on the same elements.
  // Their sizes are read as a ResizeObserver reports them, after the browser's own layout:
  // measured at the load event, they had the whole page laid out once more (a long task on a
  // phone). Each is read again whenever its size changes; one not laid out (in a folded
  // solution) is reported at size zero, and again once shown.
  const SCROLLABLE = "pre, .nboutput > .output_area, .cell_output > .output, " +
    ".jp-RenderedHTMLCommon, .pst-scrollable-table-container";
  const sized = new ResizeObserver(function (entries) {
    if (ready) { sized.disconnect(); return; }
    // Every size is read before any tab stop is set: a tab stop set between two reads would
    // have the browser lay the page out again for the next one.
    const shown = entries.filter(function (entry) {
      return entry.contentRect.width > 0 || entry.contentRect.height > 0;
    });
    const scrolls = shown.map(function (entry) {
      const el = entry.target;
      return el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
    });
    shown.forEach(function (entry, k) { entry.target.tabIndex = scrolls[k] ? 0 : -1; });
  });
  function watchSizes() {
    document.querySelectorAll(SCROLLABLE).forEach(function (el) { sized.observe(el); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", watchSizes); }
  else { watchSizes(); }
  if (matchMedia(WIDE).matches) {
    const idle = window.requestIdleCallback || function (run) { setTimeout(run, 1); };
    const atIdle = function () { idle(load, { timeout: 3000 }); };
    if (document.readyState === "complete") { atIdle(); }
    else { window.addEventListener("load", atIdle); }
  }
})();
