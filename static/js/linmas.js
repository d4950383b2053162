// Linmas pages: take the GPS point from the phone, pick participants by regu (search box and
// "pilih semua"), show "jenis lainnya" only when it is asked for, and unfold lists to print
// (the print button is in kudapanmas.js). Extras only: without JavaScript the buttons and the
// search box stay hidden, every checkbox is there, and every form still works.
(function () {
  var button = document.querySelector("[data-ambil-lokasi]");
  if (button && window.isSecureContext && "geolocation" in navigator) {
    var box = button.closest("[data-lokasi]");
    var status = box.querySelector("[data-lokasi-status]");
    var latitude = box.querySelector("input[name=latitude]");
    var longitude = box.querySelector("input[name=longitude]");
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "Mencari lokasi…";
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          latitude.value = position.coords.latitude.toFixed(6);
          longitude.value = position.coords.longitude.toFixed(6);
          status.textContent = "Lokasi terisi (ketelitian sekitar " + Math.round(position.coords.accuracy) + " m).";
          button.disabled = false;
        },
        function (error) {
          status.textContent = error.code === 1
            ? "Izin lokasi ditolak. Titik lokasi boleh dikosongkan."
            : "Lokasi belum dapat diambil. Coba lagi di tempat terbuka, atau kosongkan saja.";
          button.disabled = false;
        },
        { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }
      );
    });
  }
})();

(function () {
  var peserta = document.querySelector("[data-peserta]");
  if (!peserta) return;
  var groups = Array.prototype.slice.call(peserta.querySelectorAll("[data-regu]"));
  var total = peserta.querySelector("[data-jumlah-peserta]");
  var search = peserta.querySelector("[data-cari-peserta]");

  function boxes(group) {
    return Array.prototype.slice.call(group.querySelectorAll("[data-anggota] input[type=checkbox]"));
  }

  function count() {
    var ticked = 0;
    groups.forEach(function (group) {
      var all = boxes(group);
      var on = all.filter(function (box) { return box.checked; }).length;
      var master = group.querySelector("[data-pilih-semua]");
      master.checked = on === all.length;
      master.indeterminate = on > 0 && on < all.length;
      group.querySelector("[data-regu-jumlah]").textContent = on + " dari " + all.length;
      ticked += on;
    });
    total.textContent = ticked + " dipilih";
  }

  groups.forEach(function (group) {
    var master = group.querySelector("[data-pilih-semua]");
    master.closest(".linmas-pilih-semua").hidden = false;
    master.addEventListener("change", function () {
      boxes(group).forEach(function (box) {
        if (!box.closest("[data-anggota]").hidden) box.checked = master.checked;
      });
      count();
    });
    boxes(group).forEach(function (box) { box.addEventListener("change", count); });
  });

  // The search keeps ticked members ticked: it only hides rows, and opens the regu that match.
  search.closest("[data-cari-wadah]").hidden = false;
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") event.preventDefault();  // a search, not a submit
  });
  search.addEventListener("input", function () {
    var words = search.value.trim().toLowerCase();
    groups.forEach(function (group) {
      var shown = 0;
      group.querySelectorAll("[data-anggota]").forEach(function (row) {
        var match = !words || row.textContent.toLowerCase().indexOf(words) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      group.hidden = shown === 0;
      if (words && shown) group.open = true;
    });
  });
  count();
})();

(function () {
  var jenis = document.querySelector("select[name=jenis]");
  var lainnya = document.querySelector("input[name=jenis_lainnya]");
  if (!jenis || !lainnya) return;
  var wrapper = lainnya.closest(".mb-3") || lainnya.parentNode;
  function toggle() {
    wrapper.hidden = jenis.value !== "lainnya" && !lainnya.value && !wrapper.querySelector(".is-invalid");
  }
  jenis.addEventListener("change", toggle);
  toggle();
})();

window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.linmas-lipat").forEach(function (details) { details.open = true; });
});
