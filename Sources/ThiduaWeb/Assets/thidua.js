// thidua: a little help on top of forms that work without it. The council's scoring form shows the running total of
// the scores typed, against the maximum ("Tổng: 72 / 100 điểm"), as each score changes.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
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
});
