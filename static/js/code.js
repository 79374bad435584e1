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
  input.addEventListener("input", function () {
    var digits = input.value.replace(/[^0-9]/g, "");
    if (!sent && length > 0 && digits.length === length) {
      sent = true;
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }
  });
})();
