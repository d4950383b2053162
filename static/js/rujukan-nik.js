// The desa's reference list of residents in the event forms. On MATI and PINDAH, a whole NIK
// typed, or the "Cari" button pressed, fills the fields still empty (without JavaScript the button
// asks the server to draw the form filled); on LAHIR and DATANG, a NIK already living in the desa
// is told at once, with the "Tetap simpan" box the server asks for. One NIK per request; the
// answer is announced in the status region. With no signal the button says so and posts nothing,
// so the offline queue never keeps a search as an entry.
(function () {
  "use strict";
  var form = document.querySelector("form[data-rujukan-nik]");
  if (!form || !window.fetch) return;
  var nik = form.querySelector("input[name=nik]");
  var status = form.querySelector("[data-rujukan-status]");
  var confirmBox = form.querySelector("[data-tetap-simpan]");
  if (!nik || !status) return;
  var fills = form.hasAttribute("data-rujukan-isi");
  var button = form.querySelector("[data-cari-nik]");
  var asked = "";
  var toServer = false;  // the button's own post, when the lookup's answer could not be read
  var NO_SIGNAL = "Tidak ada sinyal: daftar penduduk tidak bisa dicari sekarang. Isi data secara manual.";

  function tell(text, warn) {
    status.classList.toggle("alert-warning", !!warn);
    status.classList.toggle("alert-info", !warn);
    status.textContent = text;
    status.hidden = !text;
  }

  function fill(values) {
    Object.keys(values).forEach(function (name) {
      var value = values[name];
      var inputs = form.querySelectorAll("[name='" + name + "']");
      if (!inputs.length || !value) return;
      var first = inputs[0];
      if (first.type === "radio") {
        if (form.querySelector("[name='" + name + "']:checked")) return;
        inputs.forEach(function (input) { input.checked = input.value === value; });
      } else if (first.type === "checkbox") {
        first.checked = true;
      } else if (!first.value) {
        first.value = value;
      }
    });
  }

  // `pressed`: the "Cari" button asked; an answer that is not the lookup's (signed out, a server
  // error) then lets the button post the form, and the server draws it filled.
  function look(value, pressed) {
    asked = value;
    fetch(form.dataset.rujukanNik + "?nik=" + encodeURIComponent(value), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().catch(function () {
        if (pressed) {
          toServer = true;
          button.click();
        }
        return null;
      });
    }, function () {
      asked = "";
      if (fills && nik.value.trim() === value) tell(NO_SIGNAL, true);
      return null;
    }).then(function (answer) {
      if (!answer || nik.value.trim() !== value) return;
      if (!answer.ada) {
        if (fills) tell(answer.pesan || "");
        else tell("");
        if (confirmBox) confirmBox.hidden = true;
        return;
      }
      if (fills) {
        fill(answer.nilai);
        tell(answer.catatan);
      } else {
        tell(answer.peringatan, true);
        if (confirmBox) confirmBox.hidden = false;
      }
    }).catch(function () { asked = ""; });
  }

  if (button) {
    form.addEventListener("submit", function (event) {
      if (event.submitter !== button || toServer) return;
      event.preventDefault();
      var value = nik.value.trim();
      if (/^\d{16}$/.test(value)) look(value, true);
      else tell("NIK harus 16 angka.", true);
    });
  }

  nik.addEventListener("input", function () {
    var value = nik.value.trim();
    if (/^\d{16}$/.test(value)) {
      if (value !== asked) look(value);
    } else {
      asked = "";
    }
  });
})();
