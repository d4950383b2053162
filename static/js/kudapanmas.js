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
