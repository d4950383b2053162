// Small enhancements only; every page works without JavaScript.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy-target]");
  if (!button) return;
  var source = document.getElementById(button.dataset.copyTarget);
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.value || source.textContent).then(function () {
    var label = button.textContent;
    button.textContent = "Tersalin";
    setTimeout(function () { button.textContent = label; }, 2000);
  });
});

// Close the other navigation groups when one opens, and all of them on a click elsewhere.
document.addEventListener("click", function (event) {
  document.querySelectorAll(".nav-group details[open]").forEach(function (details) {
    if (!details.contains(event.target)) details.removeAttribute("open");
  });
});

// Print buttons ([data-cetak]) stay hidden without JavaScript; the browser's own menu still prints.
document.querySelectorAll("[data-cetak]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

// A form with data-konfirmasi asks first; without JavaScript it submits directly.
document.addEventListener("submit", function (event) {
  var message = event.target.dataset && event.target.dataset.konfirmasi;
  if (message && !window.confirm(message)) event.preventDefault();
});

// A refused form: focus its error summary (autofocus does it too, where the browser honours it on a
// div) and let each link put the cursor in its field, not only scroll to it.
(function () {
  var summary = document.querySelector("[data-ringkasan-galat]");
  if (!summary) return;
  if (document.activeElement !== summary) summary.focus();
  summary.scrollIntoView({ block: "start" });
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    var id = link.getAttribute("href").slice(1);
    var field = document.getElementById(id) || document.getElementById("div_" + id.replace(/_0$/, ""));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    var focusable = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea");
    if (focusable) focusable.focus({ preventScroll: true });
  });
})();

// A post in flight cannot be sent twice: its submit buttons are disabled until the answer arrives.
// The buttons are disabled after the event, so the clicked button's name and value still go with
// the form; a page restored from the back-forward cache gets them back.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (event.defaultPrevented || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
  if (form.dataset.sedangDikirim) {
    event.preventDefault();
    return;
  }
  form.dataset.sedangDikirim = "1";
  var clicked = event.submitter;
  setTimeout(function () {
    form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]").forEach(function (button) {
      button.disabled = true;
      button.setAttribute("aria-disabled", "true");
    });
    if (clicked && clicked.tagName === "BUTTON") {
      clicked.dataset.labelAsli = clicked.innerHTML;
      clicked.textContent = "Mengirim…";
    }
  }, 0);
});
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form[data-sedang-dikirim]").forEach(function (form) {
    delete form.dataset.sedangDikirim;
    form.querySelectorAll("[aria-disabled=true]").forEach(function (button) {
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      if (button.dataset.labelAsli !== undefined) {
        button.innerHTML = button.dataset.labelAsli;
        delete button.dataset.labelAsli;
      }
    });
  });
});
