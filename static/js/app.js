// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Move focus to the error summary so screen readers announce the problems.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // Stop a double tap from sending a form twice (the server also guards against it).
  document.querySelectorAll("form[data-protect-double-submit]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitting === "1") { event.preventDefault(); return; }
      form.dataset.submitting = "1";
      window.setTimeout(function () { form.dataset.submitting = ""; }, 8000);
    });
  });

  // Follow-up questions: show only when the earlier answer makes them apply.
  document.querySelectorAll("[data-show-if]").forEach(function (block) {
    var name = block.getAttribute("data-show-if");
    var wanted = block.getAttribute("data-show-if-any").split(" ");
    var inputs = document.querySelectorAll('input[name="' + name + '"]');
    if (!inputs.length) { return; }
    function update() {
      var shown = Array.prototype.some.call(inputs, function (input) {
        return input.checked && wanted.indexOf(input.value) !== -1;
      });
      block.hidden = !shown;
    }
    inputs.forEach(function (input) { input.addEventListener("change", update); });
    update();
  });

  // Character count under comment boxes.
  document.querySelectorAll("textarea[data-maxlength]").forEach(function (area) {
    var limit = parseInt(area.getAttribute("data-maxlength"), 10);
    var counter = document.createElement("p");
    counter.className = "counter";
    counter.setAttribute("aria-live", "polite");
    area.insertAdjacentElement("afterend", counter);
    function update() {
      var left = limit - area.value.length;
      counter.textContent = left >= 0 ? "" : String(-left) + " / " + String(limit);
      counter.classList.toggle("counter--over", left < 0);
    }
    area.addEventListener("input", update);
    update();
  });
}());
