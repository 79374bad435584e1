// Progressive enhancement for the code page: once all digits are in (typed, pasted or
// filled in by the phone from the message), the form is sent. The page says so next to the
// field beforehand (WCAG 3.2.2). Without JavaScript the Verify button does the same.
(function () {
  "use strict";
  var input = document.getElementById("code");
  var form = document.getElementById("code-form");
  if (!input || !form) { return; }
  var length = parseInt(input.dataset.length || "0", 10);
  var sent = false;
  function check() {
    // Full-width (Japanese, Chinese) and Arabic-Indic digits count too; the server agrees.
    var digits = input.value.replace(/[\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]/g, function (d) {
      var c = d.charCodeAt(0);
      return String(c - (c >= 0xff10 ? 0xff10 : c >= 0x06f0 ? 0x06f0 : 0x0660));
    }).replace(/[^0-9]/g, "");
    if (!sent && length > 0 && digits.length === length) {
      sent = true;
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }
  }
  input.addEventListener("input", check);
  // A code filled in before this script ran (a fast autofill) counts too.
  check();
})();
