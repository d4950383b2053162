// Linmas pages: take the GPS point from the phone (the print button is in kudapanmas.js).
// An extra: without JavaScript the button stays hidden and every form still works.
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
