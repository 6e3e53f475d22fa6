// Live preview of an article's markdown in the admin: what readers will see,
// rendered and sanitised by the server. Without JavaScript the preview shows
// the last saved version.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var body = document.getElementById("id_body");
    var preview = document.querySelector("[data-markdown-preview]");
    if (!body || !preview) return;
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    var url = window.location.pathname.replace(/(add|\d+\/change)\/$/, "") + "preview/";
    var status = document.createElement("p");
    status.className = "markdown-preview__status";
    status.setAttribute("role", "status");
    preview.parentNode.insertBefore(status, preview);
    var timer = null;
    function update() {
      var data = new FormData();
      data.append("body", body.value);
      fetch(url, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": token ? token.value : "" },
        credentials: "same-origin",
      })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          preview.innerHTML = result.html || "";
          var notes = [];
          if (result.missing && result.missing.length) {
            notes.push("No exercise is called: " + result.missing.join(", ") + ".");
          }
          if (result.hidden && result.hidden.length) {
            notes.push("Not visible to readers yet (draft or scheduled), so not linked: " +
              result.hidden.join(", ") + ".");
          }
          status.textContent = notes.length ? notes.join(" ") : "Preview updated.";
        })
        .catch(function () { status.textContent = "The preview could not be updated."; });
    }
    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
  });
})();
