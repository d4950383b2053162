// The desa's reference list of residents in the event forms. On MATI and PINDAH, a whole NIK
// typed fills the fields still empty (the "Cari" button does the same without JavaScript); on
// LAHIR and DATANG, a NIK already living in the desa is told at once, with the "Tetap simpan"
// box the server asks for. One NIK per request; the answer is announced in the status region.
(function () {
  "use strict";
  var form = document.querySelector("form[data-rujukan-nik]");
  if (!form || !window.fetch) return;
  var nik = form.querySelector("input[name=nik]");
  var status = form.querySelector("[data-rujukan-status]");
  var confirmBox = form.querySelector("[data-tetap-simpan]");
  if (!nik || !status) return;
  var fills = form.hasAttribute("data-rujukan-isi");
  var asked = "";

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

  function look(value) {
    asked = value;
    fetch(form.dataset.rujukanNik + "?nik=" + encodeURIComponent(value), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json();
    }).then(function (answer) {
      if (nik.value.trim() !== value) return;
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

  nik.addEventListener("input", function () {
    var value = nik.value.trim();
    if (/^\d{16}$/.test(value)) {
      if (value !== asked) look(value);
    } else {
      asked = "";
    }
  });
})();
