// The devserver's live reload (tools/live_reload.py): reload the page when the site has been rebuilt; while a
// change cannot be built, show above the page (the last good site) what stopped it, as the terminal says it.
// Served only by `make devserver`, never part of the built site.
(() => {
  const served = document.currentScript.dataset.version; // the version of the site this page is from
  let shown = ""; // the problems shown above the page
  async function poll() {
    try {
      const response = await fetch("/.devserver/version", { cache: "no-store" });
      if (response.ok) {
        if ((await response.text()) !== served) {
          window.location.reload();
          return;
        }
        const problems = await fetch("/.devserver/problems", { cache: "no-store" });
        if (problems.ok) show((await problems.text()).trim());
      }
    } catch {
      // the devserver is restarting (code changed): ask again
    }
    window.setTimeout(poll, 1000);
  }
  function show(text) {
    if (text === shown) return;
    shown = text;
    document.getElementById("devserver-problems")?.remove();
    if (text) document.body.prepend(problemsBox(text));
  }
  // Styled through the CSSOM: the site's policy (style-src 'self') refuses a style attribute, not these.
  function problemsBox(text) {
    const box = document.createElement("section");
    box.id = "devserver-problems";
    box.lang = "en";
    box.setAttribute("role", "alert");
    Object.assign(box.style, { background: "#fff4e5", color: "#1b1b1b", borderBottom: "3px solid #c2410c" });
    Object.assign(box.style, { padding: "0.75rem 1rem", fontSize: "0.95rem" });
    const said = document.createElement("p");
    said.textContent =
      "make devserver: your last change was not built, and this page is the last good build. Fix what follows " +
      "(the terminal and `make check` say the same); the page reloads once it builds.";
    Object.assign(said.style, { margin: "0 0 0.5rem", fontWeight: "600" });
    const problems = document.createElement("pre");
    problems.textContent = text;
    Object.assign(problems.style, { margin: "0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" });
    box.append(said, problems);
    return box;
  }
  poll();
})();
