// Offline capture on the page: installs the service worker, shows the phone's queue (a bar on every
// page, the list on the queue page), asks it to send when the signal returns, holds the monthly
// send while entries of that month wait, and asks before signing out drops unsent entries.
// Without a service worker or JavaScript the forms work online as before.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.indexedDB || !window.KdpDB) return;
  var meta = document.querySelector("meta[name=kudapanmas-pengguna]");
  var pengguna = meta && meta.content ? Number(meta.content) : null;
  var KEADAAN = {
    menunggu: "Menunggu sinyal",
    mengirim: "Mengirim…",
    terkirim: "Terkirim",
    ditolak: "Ditolak",
  };

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});

  function minta(type) {
    return navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: type });
    });
  }

  function entriSaya() {
    return pengguna === null ? Promise.resolve([]) : KdpDB.milik(pengguna);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function bar(entries) {
    var holder = document.getElementById("antrean-luring");
    if (!holder) return;
    var waiting = KdpDB.belumTerkirim(entries);
    var refused = waiting.filter(function (entry) { return entry.state === "ditolak"; }).length;
    holder.hidden = waiting.length === 0;
    holder.textContent = "";
    if (!waiting.length) return;
    var text = waiting.length + " entri belum terkirim";
    if (refused) text += " (" + refused + " ditolak, perlu diperbaiki)";
    holder.appendChild(el("span", {}, text + (navigator.onLine ? "" : " · tidak ada sinyal") + " · "));
    holder.appendChild(el("a", { href: "/luring/" }, "Lihat antrean"));
    holder.classList.toggle("antrean-ditolak", refused > 0);
  }

  // The server's messages in a refused answer (its error summary and the fields' own messages).
  function alasan(entry) {
    if (entry.alasan) return [entry.alasan];
    if (!entry.halaman) return [];
    var page = new DOMParser().parseFromString(entry.halaman, "text/html");
    // The error summary names each field; without one, the fields' own messages and the alerts.
    var found = page.querySelectorAll("[data-ringkasan-galat] li");
    if (!found.length) found = page.querySelectorAll(".invalid-feedback, .alert-danger");
    var texts = [];
    Array.prototype.forEach.call(found, function (node) {
      var text = node.textContent.trim();
      if (text && texts.indexOf(text) === -1 && !node.querySelector("li")) texts.push(text);
    });
    return texts.length ? texts : ["Server menolak entri ini; buka untuk melihat alasannya."];
  }

  function tanggal(ms) {
    return new Date(ms).toLocaleString("id-ID", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  }

  function daftar(entries) {
    var list = document.querySelector("[data-antrean-luring]");
    if (!list) return;
    list.textContent = "";
    var empty = document.querySelector("[data-antrean-kosong]");
    if (empty) empty.hidden = entries.length > 0;
    entries.slice().reverse().forEach(function (entry) {
      var item = el("li", { class: "list-group-item antrean-" + entry.state, "data-entri": entry.id });
      var head = el("div", { class: "d-flex flex-wrap justify-content-between gap-2" });
      head.appendChild(el("strong", {}, entry.judul + (entry.ringkasan ? ": " + entry.ringkasan : "")));
      head.appendChild(el("span", { class: "badge status-badge keadaan-" + entry.state }, KEADAAN[entry.state] || entry.state));
      item.appendChild(head);
      var photos = entry.fields.filter(function (pair) { return typeof pair[1] !== "string"; }).length;
      item.appendChild(el("div", { class: "small text-muted" },
        "Dibuat " + tanggal(entry.dibuat) + (entry.bulan ? " · bulan " + entry.bulan : "") + (photos ? " · " + photos + " foto" : "")));
      if (entry.state === "ditolak") {
        var reasons = el("ul", { class: "small text-danger mb-1" });
        alasan(entry).forEach(function (text) { reasons.appendChild(el("li", {}, text)); });
        item.appendChild(reasons);
      }
      var actions = el("div", { class: "d-flex flex-wrap gap-2 mt-1" });
      if (entry.state === "ditolak" && entry.halaman) {
        actions.appendChild(el("a", { class: "btn btn-sm btn-primary", href: entry.url + "?perbaiki=" + encodeURIComponent(entry.id) }, "Perbaiki"));
      }
      if (entry.state === "terkirim" && entry.tujuan) {
        actions.appendChild(el("a", { class: "btn btn-sm btn-outline-success", href: entry.tujuan }, "Lihat"));
      }
      if (entry.state !== "mengirim") {
        var remove = el("button", { class: "btn btn-sm btn-outline-danger", type: "button", "data-hapus": entry.id },
          entry.state === "terkirim" ? "Hapus dari daftar" : "Hapus");
        actions.appendChild(remove);
      }
      item.appendChild(actions);
      list.appendChild(item);
    });
  }

  // "Kirim laporan" waits while entries of that desa and month are still on the phone.
  function tahanKirim(entries) {
    document.querySelectorAll("form[data-luring-kirim]").forEach(function (form) {
      var key = form.dataset.luringKirim.split(" ");
      var count = KdpDB.belumTerkirim(entries).filter(function (entry) {
        return entry.desa === key[0] && entry.bulan === key[1];
      }).length;
      var note = form.querySelector("[data-luring-tahan]");
      if (!note) {
        note = el("p", { class: "alert alert-warning small", "data-luring-tahan": "" });
        form.insertBefore(note, form.firstChild);
      }
      note.hidden = count === 0;
      note.textContent = count + " entri bulan ini masih tersimpan di HP dan belum terkirim. " +
        "Kirim laporan setelah semuanya terkirim: ";
      note.appendChild(el("a", { href: "/luring/" }, "lihat antrean"));
      note.appendChild(document.createTextNode("."));
      form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = count > 0; });
    });
  }

  // A form of one record per address (an RT's month) opened while its entry waits on the phone:
  // saving again replaces that entry.
  function sudahDiAntrean(entries) {
    var form = document.querySelector("form[data-luring-satu]");
    if (!form) return;
    var here = location.origin + location.pathname;
    var waiting = KdpDB.belumTerkirim(entries).some(function (entry) { return entry.url === here; });
    var note = form.querySelector("[data-luring-ganti]");
    if (!note) {
      note = el("p", { class: "alert alert-warning small", "data-luring-ganti": "" },
        "Laporan ini sudah tersimpan di HP dan menunggu sinyal. Menyimpan lagi akan menggantikan yang tersimpan di HP.");
      form.insertBefore(note, form.firstChild);
    }
    note.hidden = !waiting;
  }

  // A sent entry stays listed for a day (what went, and a link to it), then leaves the phone.
  var SEHARI = 24 * 60 * 60 * 1000;

  function gambar() {
    return entriSaya().then(function (entries) {
      var old = entries.filter(function (entry) {
        return entry.state === "terkirim" && Date.now() - (entry.terkirim || 0) > SEHARI;
      });
      return Promise.all(old.map(function (entry) { return KdpDB.hapus(entry.id); })).then(function () {
        return entries.filter(function (entry) { return old.indexOf(entry) === -1; });
      });
    }).then(function (entries) {
      bar(entries);
      daftar(entries);
      tahanKirim(entries);
      sudahDiAntrean(entries);
      return entries;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-hapus]");
    if (button) {
      if (!window.confirm("Hapus entri ini dari HP? Entri yang belum terkirim akan hilang.")) return;
      KdpDB.hapus(button.dataset.hapus).then(gambar);
    }
    if (event.target.closest("[data-kirim-sekarang]")) minta("kirim");
  });

  // Signing out: the entries still waiting belong to this account and go with it. Captured, so
  // that it runs before the guard against double posts, which must not hold a cancelled sign-out.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-keluar]") || form.dataset.siapKeluar) return;
    event.preventDefault();
    entriSaya().then(function (entries) {
      var waiting = KdpDB.belumTerkirim(entries).length;
      if (waiting && !window.confirm(waiting + " entri belum terkirim akan dihapus dari HP ini. Tetap keluar?")) return;
      return KdpDB.hapusMilik(pengguna).then(function () { return KdpDB.aturPengguna(null); }).then(function () {
        form.dataset.siapKeluar = "1";
        form.submit();
      });
    }).catch(function () { form.dataset.siapKeluar = "1"; form.submit(); });
  }, true);

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "antrean") gambar();
  });
  window.addEventListener("online", function () { gambar(); minta("kirim"); });
  window.addEventListener("offline", gambar);

  var ready = pengguna === null ? Promise.resolve() : KdpDB.aturPengguna(pengguna);
  ready.then(gambar).then(function () {
    if (pengguna !== null && navigator.onLine) minta("kirim");
  });
})();
