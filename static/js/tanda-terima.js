// The print view's button: shown only when script runs, since printing from the menu works without it.
document.querySelectorAll("[data-cetak]").forEach(function (tombol) {
  tombol.hidden = false;
  tombol.addEventListener("click", function () {
    window.print();
  });
});
