// The devserver's live reload (tools/live_reload.py): reload the page when the site has been rebuilt.
// Served only by `make devserver`, never part of the built site.
(() => {
  const served = document.currentScript.dataset.version; // the version of the site this page is from
  async function poll() {
    try {
      const response = await fetch("/.devserver/version", { cache: "no-store" });
      if (response.ok) {
        if ((await response.text()) !== served) {
          window.location.reload();
          return;
        }
      }
    } catch {
      // the devserver is restarting (code changed): ask again
    }
    window.setTimeout(poll, 1000);
  }
  poll();
})();
