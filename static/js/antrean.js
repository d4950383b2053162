// The verification queue: "select all" and the number chosen. Without JavaScript each report is
// ticked on its own and the confirmation page still counts them.
(function () {
  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll("#form-pilih input[name=laporan]"));
  }

  function update() {
    var chosen = boxes().filter(function (box) { return box.checked; }).length;
    var button = document.getElementById("verifikasi-terpilih");
    var all = document.getElementById("pilih-semua");
    if (button) button.textContent = chosen ? "Verifikasi " + chosen + " laporan yang dipilih" : "Verifikasi yang dipilih";
    if (all) {
      all.checked = chosen > 0 && chosen === boxes().length;
      all.indeterminate = chosen > 0 && chosen < boxes().length;
    }
  }

  function show() {
    var all = document.getElementById("pilih-semua");
    if (all) all.hidden = false;
    update();
  }

  document.addEventListener("change", function (event) {
    if (event.target.id === "pilih-semua") {
      boxes().forEach(function (box) { box.checked = event.target.checked; });
    }
    if (event.target.closest && event.target.closest("#form-pilih")) update();
  });
  document.addEventListener("htmx:afterSwap", show);
  show();
})();
