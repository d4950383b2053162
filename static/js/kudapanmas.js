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
