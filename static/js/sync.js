// Progressive enhancement for the done page after a password written to Active Directory:
// asks every few seconds whether Microsoft 365 has the new password yet, and says so in
// the status region (read out by screen readers). Without JavaScript, "Check again"
// reloads the page, which asks the same question.
(function () {
  "use strict";
  var region = document.getElementById("cloud-sync");
  if (!region || !region.dataset.poll || !window.fetch) { return; }
  var url = region.dataset.poll;
  var every = 5000;
  function show(answer) {
    while (region.firstChild) { region.removeChild(region.firstChild); }
    // Given up: the paragraph above the region already says "within a few minutes".
    if (answer.state !== "synced") { return; }
    var p = document.createElement("p");
    p.textContent = answer.message;
    p.className = "success";
    region.appendChild(p);
  }
  function ask() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) {
        // The reset ended or expired: stop asking; the page stays as it is.
        if (!r.ok) { return null; }
        return r.json().then(function (answer) {
          if (answer.state !== "waiting") { show(answer); return; }
          window.setTimeout(ask, every);
        });
      })
      // A network hiccup: ask again later.
      .catch(function () { window.setTimeout(ask, every); });
  }
  window.setTimeout(ask, every);
})();
