// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // The filter form updates the list as soon as a box is ticked or the sort
  // changes (the form says so), and puts the focus back on that control after
  // the new page loads, so keyboard users keep their place.
  var form = document.getElementById("filters");
  if (form) {
    var KEY = "filters-focus";
    var note = form.querySelector("[data-auto-note]");
    if (note) note.hidden = false;

    form.addEventListener("change", function (event) {
      var control = event.target;
      if (!control.matches('input[type="checkbox"], select')) return;
      try {
        sessionStorage.setItem(KEY, JSON.stringify([control.name, control.value]));
      } catch (error) { /* private mode: no focus restore */ }
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    });

    try {
      var saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
      if (saved) {
        var controls = form.querySelectorAll("[name]");
        for (var i = 0; i < controls.length; i++) {
          var c = controls[i];
          if (c.name === saved[0] && (c.tagName === "SELECT" || c.value === saved[1])) {
            var details = c.closest("details");
            if (details) details.open = true;
            c.focus();
            break;
          }
        }
      }
    } catch (error) { /* ignore */ }
  }
})();
