// The search page: runs the query in ?q= (from the header's search box) and keeps ?q= in step with the input.
(function () {
  "use strict";
  var components = window.PagefindComponents;
  if (!components) {
    return;
  }
  var instance = components.getInstanceManager().getInstance("default");
  var config = document.querySelector("pagefind-config[data-translations]");
  if (config) {
    // Strings with a count, from the site's catalogs (see search.html).
    instance.setTranslations(JSON.parse(config.getAttribute("data-translations")));
  }
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();

  instance.on("search", function (term) {
    var url = new URL(window.location.href);
    if (term) {
      url.searchParams.set("q", term);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
  });

  if (query) {
    instance.triggerSearch(query);
  }
})();
