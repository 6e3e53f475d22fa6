// Reorder an exercise's steps in the admin with "Move up" / "Move down"
// buttons, which swap the step numbers (what is saved). Without JavaScript,
// editors renumber the steps by hand; the save handles swaps either way.
(function () {
  "use strict";
  function rows() {
    return Array.prototype.filter.call(
      document.querySelectorAll("#steps-group tbody tr.form-row"),
      function (row) { return !row.classList.contains("empty-form") && row.querySelector('input[name$="-number"]'); }
    );
  }
  function swap(row, offset) {
    var list = rows().filter(function (r) { return r.querySelector('input[name$="-number"]').value; });
    list.sort(function (a, b) {
      return Number(a.querySelector('input[name$="-number"]').value) - Number(b.querySelector('input[name$="-number"]').value);
    });
    var index = list.indexOf(row);
    var other = list[index + offset];
    if (!other) return;
    var mine = row.querySelector('input[name$="-number"]');
    var theirs = other.querySelector('input[name$="-number"]');
    var value = mine.value;
    mine.value = theirs.value;
    theirs.value = value;
    if (offset < 0) other.parentNode.insertBefore(row, other);
    else other.parentNode.insertBefore(other, row);
    mine.focus();
  }
  function addButtons(row) {
    var cell = row.querySelector("td.field-number");
    if (!cell || cell.querySelector(".step-move")) return;
    [["Move up", -1], ["Move down", 1]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "step-move";
      button.textContent = pair[0] === "Move up" ? "↑" : "↓";
      button.setAttribute("aria-label", pair[0]);
      button.title = pair[0];
      button.addEventListener("click", function () { swap(row, pair[1]); });
      cell.appendChild(button);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    rows().forEach(addButtons);
    document.addEventListener("formset:added", function (event) {
      if (event.target && event.target.matches && event.target.matches("tr.form-row")) addButtons(event.target);
    });
  });
})();
