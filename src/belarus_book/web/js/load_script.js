// First in the charts script's function scope: what the tab bar and the loader fetch only when
// a reader asks (the views, Vega) comes in by a script element, so it also loads from file://.
// Each script is fetched once; one that failed to load is tried again on the next call.
const scriptsLoading = new Map();
function loadScript(url, loaded) {
  if (!scriptsLoading.has(url)) {
    scriptsLoading.set(url, new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = url;
      script.onload = function () { resolve(loaded()); };
      script.onerror = function () {
        scriptsLoading.delete(url);
        reject(new Error("could not load " + url));
      };
      document.head.appendChild(script);
    }));
  }
  return scriptsLoading.get(url);
}
