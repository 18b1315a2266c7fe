// thidua: a little help on top of forms that work without it.
"use strict";

// A refused form comes back with the page, and its message sits beside the field it is about: bring that field into
// view and put the cursor in it (on a phone the form is often a screen or more below the page's top, and the page
// would open at the top). A form-level message (a refusal about no one field) is brought into view the same way.
function showRefusal() {
  var target = document.querySelector("[aria-invalid='true']") || document.querySelector("form [role=alert]");
  if (!target) { return; }
  target.scrollIntoView({ block: "center" });
  if (target.matches("input, select, textarea")) { target.focus({ preventScroll: true }); }
}

// The council's scoring form shows the running total of the scores typed, against the maximum ("Tổng: 72 / 100
// điểm"), as each score changes.
function runningTotal() {
  var form = document.getElementById("review-form");
  var total = document.getElementById("running-total");
  if (!form || !total) { return; }
  var fields = form.querySelectorAll("input[type=number][name^='score.']");
  function update() {
    var sum = 0, max = 0;
    fields.forEach(function (field) {
      var value = parseInt(field.value, 10);
      if (!isNaN(value)) { sum += value; }
      max += parseInt(field.getAttribute("max"), 10) || 0;
    });
    total.textContent = "Tổng: " + sum + " / " + max + " điểm";
  }
  fields.forEach(function (field) { field.addEventListener("input", update); });
  update();
}

document.addEventListener("DOMContentLoaded", function () {
  showRefusal();
  runningTotal();
});
// Forms that post to their own place on the page (action="…#ghi-dang-ky", so that without this script a refused form
// still opens at the form): the browser scrolls to that place while the page loads and takes the cursor away, so the
// refused field is shown again once it has.
window.addEventListener("load", function () {
  if (location.hash) { setTimeout(showRefusal, 0); }
});
