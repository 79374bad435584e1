// Progressive enhancement for the new-password page: a show/hide toggle and a live
// strength meter. Without JavaScript the form still works; the server's verdict counts.
(function () {
  "use strict";
  var pw = document.getElementById("password");
  var meter = document.getElementById("meter");
  var csrf = document.getElementById("csrf");
  var toggle = document.getElementById("toggle-password");
  if (!pw || !meter || !csrf) { return; }

  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var show = pw.type === "password";
      pw.type = show ? "text" : "password";
      toggle.textContent = show ? toggle.dataset.hide : toggle.dataset.show;
      toggle.setAttribute("aria-pressed", show ? "true" : "false");
    });
  }

  // The words come from the page, in its language.
  var labels = (meter.dataset.strengths || "").split("|");
  var timer = null;
  var seq = 0;

  function render(v) {
    meter.textContent = "";
    var bar = document.createElement("div");
    bar.className = "bar";
    var fill = document.createElement("div");
    fill.className = "fill w" + v.score + " s" + v.score;
    bar.appendChild(fill);
    meter.appendChild(bar);
    var p = document.createElement("p");
    var head = (v.accepted ? meter.dataset.good : meter.dataset.notYet) || "{s}";
    p.textContent = head.replace("{s}", labels[v.score] || String(v.score));
    meter.appendChild(p);
    if (v.crack_time && meter.dataset.guess) {
      p = document.createElement("p");
      p.className = "muted";
      p.textContent = meter.dataset.guess.replace("{t}", v.crack_time);
      meter.appendChild(p);
    }
    var list = document.createElement("ul");
    v.failed.concat(v.suggestions || []).forEach(function (f) {
      var li = document.createElement("li");
      li.textContent = f.message;
      list.appendChild(li);
    });
    meter.appendChild(list);
  }

  function check() {
    var mine = ++seq;
    if (pw.value.length === 0) { meter.textContent = ""; return; }
    fetch("/api/password/check", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf.value },
      body: JSON.stringify({ password: pw.value })
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) { if (v && mine === seq) { render(v); } })
      .catch(function () { /* the server checks again on submit */ });
  }

  pw.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 300);
  });
})();
