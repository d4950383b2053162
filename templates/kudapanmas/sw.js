/* KUDAPANMAS service worker {{ versi }}: the app's shell and forms without signal, and the queue
   of entries made meanwhile (kudapanmas/luring.py says which forms; static/js/luring-db.js keeps
   the queue). Written by hand, not with Workbox: the few strategies it needs fit in this file. */
"use strict";
importScripts("{{ url_db }}");

var VERSI = "{{ versi }}";
var SHELL = "kdp-shell-" + VERSI;
var HALAMAN = "kdp-halaman";  // the signed-in account's forms; emptied when it signs out
var STATIS = {{ statis|safe }};
var FORMULIR = {{ formulir|safe }}.map(function (f) { f.regex = new RegExp(f.pola); return f; });
var ANTREAN = "{{ url_antrean }}";
var SESI = "{{ url_sesi }}";
var MASUK = "{{ url_masuk }}";
var KELUAR = "{{ url_keluar }}";
var TOKEN = "token_formulir";
var sedangKirim = null;
var lagi = false;  // a round was asked for while one ran
var disiapkanPada = 0;  // when the account's forms were last kept (this worker's lifetime)

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(STATIS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  // A release replaces the old shell; the queue (IndexedDB) and the kept forms stay.
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf("kdp-shell-") === 0 && key !== SHELL;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function formulirUntuk(url) {
  for (var i = 0; i < FORMULIR.length; i++) {
    var match = url.pathname.match(FORMULIR[i].regex);
    if (match) return { formulir: FORMULIR[i], kode: match.groups.kode, jenis: match.groups.jenis, periode: match.groups.periode };
  }
  return null;
}

function halamanHtml(html) {
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// A kept form is drawn with a new one-time token each time it opens, so two entries made from it
// offline are two entries, not one sent twice.
function tokenBaru(response) {
  return response.text().then(function (html) {
    return halamanHtml(html.replace(/(name="token_formulir" value=")[^"]*(")/, "$1" + KdpDB.uuid() + "$2"));
  });
}

// The queue page after an entry was kept: its notice shows, with or without the page's script.
function tandaiBaru(response) {
  return response.text().then(function (html) {
    return halamanHtml(html.replace("data-antrean-baru hidden", "data-antrean-baru"));
  });
}

function dariCache(request) {
  return caches.open(HALAMAN).then(function (cache) { return cache.match(request, { ignoreSearch: true }); });
}

function halamanAntrean() {
  return dariCache(ANTREAN).then(function (kept) {
    return kept || halamanHtml("<!doctype html><meta charset=utf-8><title>Tanpa sinyal</title>" +
      "<p>Tidak ada sinyal, dan halaman ini belum tersimpan di HP. Buka lagi saat ada sinyal.</p>");
  });
}

function simpanHalaman(url, response) {
  // Only a real page of the form is kept (not the sign-in page it may redirect to).
  if (!response.ok || response.redirected || response.type !== "basic") return;
  var copy = response.clone();
  return caches.open(HALAMAN).then(function (cache) { return cache.put(url.pathname, copy); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var cocok = formulirUntuk(url);
  if (request.method === "POST") {
    // Only a form the browser posts itself; a page script that posts (the photo upload, with its
    // progress bar) keeps the entry itself when the signal fails (static/js/foto.js).
    if (cocok && request.mode === "navigate") event.respondWith(kirimAtauSimpan(request, cocok));
    else if (url.pathname === KELUAR) event.respondWith(keluar(request));
    return;
  }
  if (request.method !== "GET") return;
  if (STATIS.indexOf(url.pathname) !== -1) {
    event.respondWith(caches.match(url.pathname).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  if (cocok && url.searchParams.get("perbaiki")) {
    event.respondWith(perbaiki(url.searchParams.get("perbaiki"), request));
    return;
  }
  if (cocok || url.pathname === ANTREAN) {
    var page = fetch(request).then(function (response) {
      simpanHalaman(url, response);
      return response;
    }, function () {
      return dariCache(url.pathname).then(function (kept) {
        if (kept) return cocok ? tokenBaru(kept) : kept;
        return halamanAntrean();
      });
    });
    event.respondWith(url.searchParams.has("baru") ? page.then(tandaiBaru) : page);
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(halamanAntrean));
  }
});

function perbaiki(id, request) {
  return KdpDB.ambil(id).then(function (entry) {
    if (entry && entry.halaman) return halamanHtml(entry.halaman);
    return fetch(request);
  });
}

// A form posted: to the server when it answers; kept on the phone when the signal is gone.
function kirimAtauSimpan(request, cocok) {
  var copy = request.clone();
  return fetch(request).then(function (response) {
    // It reached the server (saved, or shown with its errors): the phone keeps no copy.
    return copy.formData().then(function (data) {
      var token = data.get(TOKEN);
      return token ? KdpDB.hapus(token) : null;
    }).catch(function () { return null; }).then(function () { beritahu(); return response; });
  }, function () {
    return copy.formData().then(function (data) {
      // A search (the event form's "Cari", which its script answers itself) is no entry: the page
      // stays as it is, with what was typed.
      if (cocok.formulir.tombol_cari.some(function (name) { return data.has(name); })) {
        return new Response(null, { status: 204 });
      }
      return simpanEntri(request.url, cocok, data).then(function (entry) {
        beritahu();
        if (self.registration.sync) self.registration.sync.register("kirim-antrean").catch(function () {});
        return Response.redirect(ANTREAN + "?baru=" + encodeURIComponent(entry.id), 303);
      });
    });
  });
}

function simpanEntri(address, cocok, data) {
  var judul = (cocok.formulir.judul_jenis && cocok.formulir.judul_jenis[cocok.jenis]) || cocok.formulir.judul;
  var info = {
    formulir: cocok.formulir.nama, judul: judul, desa: cocok.kode, bulan: cocok.formulir.bulan,
    periode: cocok.periode, ganti: cocok.formulir.satu_per_alamat,
  };
  return KdpDB.simpanForm(address, info, data);
}

function keluar(request) {
  // Signing out empties the kept forms (they show the account's desa). The page asked first
  // about the entries still waiting and removed them; without JavaScript they stay, unsent,
  // until the same account signs in again.
  return fetch(request).then(function (response) {
    return caches.delete(HALAMAN).then(function () { return response; });
  });
}

function beritahu() {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage({ type: "antrean" }); });
  });
}

function sesi() {
  return fetch(SESI, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
    if (!response.ok || response.redirected) return null;
    return response.json();
  });
}

// Every page asks for a round; it costs a request only when entries wait or the forms were not
// kept in the last half hour.
function perluKirim() {
  if (Date.now() - disiapkanPada > 30 * 60 * 1000) return Promise.resolve(true);
  return adaMenunggu();
}

function adaMenunggu() {
  return KdpDB.pengguna().then(KdpDB.milik).then(function (entries) {
    return entries.some(function (entry) { return entry.state === "menunggu" || entry.state === "mengirim"; });
  });
}

function siapkan(data) {
  // Keep the account's forms, so they open with no signal even if never opened before.
  if (!data || !data.halaman) return null;
  disiapkanPada = Date.now();
  return caches.open(HALAMAN).then(function (cache) {
    return Promise.all(data.halaman.map(function (path) {
      return cache.match(path).then(function (hit) {
        if (hit) return null;
        return fetch(path, { credentials: "same-origin" }).then(function (response) {
          return simpanHalaman(new URL(path, self.location.origin), response);
        }).catch(function () { return null; });
      });
    }));
  });
}

// Send what waits, oldest first, one at a time; a refused entry is kept with the server's answer
// and the others go on. A lost signal stops the round, and the worker tries again after a few
// seconds: a phone says it is online a moment before its link carries anything. After the last
// wait the next page, the signal's return or the browser's background sync starts a round.
var JEDA = [5, 15, 45];  // seconds before each retry; within the time a browser lets a worker finish
var bangun = null;  // ends the wait before a retry, when a page asks for a round meanwhile

function kirimAntrean() {
  if (sedangKirim) {
    // Asked while waiting to retry: retry now. Asked during a round (the signal came back
    // meanwhile): one more round follows it, so an entry kept after this round read the queue is
    // not left waiting.
    if (bangun) bangun();
    else lagi = true;
    return sedangKirim;
  }
  sedangKirim = putaran(0).catch(function () { return null; }).then(function (result) {
    sedangKirim = null;
    return result;
  });
  return sedangKirim;
}

function putaran(percobaan) {
  return satuPutaran().then(function (result) {
    beritahu();
    if (lagi) {
      lagi = false;
      return putaran(0);
    }
    if (result === false && percobaan < JEDA.length) {
      return tunggu(JEDA[percobaan] * 1000).then(function () { return putaran(percobaan + 1); });
    }
    return result;
  });
}

function tunggu(ms) {
  return new Promise(function (resolve) {
    var timer = setTimeout(selesai, ms);
    function selesai() {
      clearTimeout(timer);
      bangun = null;
      resolve();
    }
    bangun = selesai;
  });
}

// One round: false when the signal failed (retry), null when there was nothing to do.
function satuPutaran() {
  return perluKirim().then(function (perlu) {
    if (!perlu) return null;
    return sesi().then(function (data) {
      if (!data || !data.pengguna) return null;
      return KdpDB.aturPengguna(data.pengguna).then(function () {
        return siapkan(data);
      }).then(function () {
        return KdpDB.milik(data.pengguna);
      }).then(function (entries) {
        var waiting = entries.filter(function (entry) { return entry.state === "menunggu" || entry.state === "mengirim"; });
        return waiting.reduce(function (chain, entry) {
          return chain.then(function (go) { return go === false ? false : kirimSatu(entry, data.csrf); });
        }, Promise.resolve(true));
      });
    }, function () {
      // No signal yet: retry if entries wait (keeping the forms can wait for the next page).
      return adaMenunggu().then(function (waiting) { return waiting ? false : null; });
    });
  }).catch(function () { return null; });
}

function kirimSatu(entry, csrf) {
  var body = new FormData();
  entry.fields.forEach(function (pair) {
    if (pair[0] === "csrfmiddlewaretoken") body.append(pair[0], csrf);
    else if (typeof pair[1] === "string") body.append(pair[0], pair[1]);
    else body.append(pair[0], pair[1], pair[1].name || "foto.jpg");
  });
  return KdpDB.ubah(entry.id, { state: "mengirim" }).then(beritahu).then(function () {
    return fetch(entry.url, {
      method: "POST", body: body, credentials: "same-origin", redirect: "follow",
      headers: { "X-Kudapanmas-Antrean": "1" },
    });
  }).then(function (response) {
    var path = new URL(response.url).pathname;
    if (response.ok && response.redirected && path !== MASUK) {
      // Saved now, or saved before under the same token (a send whose answer was lost).
      return KdpDB.ubah(entry.id, { state: "terkirim", tujuan: response.url, fields: [], terkirim: Date.now() });
    }
    if (response.ok && !response.redirected) {
      return response.text().then(function (html) {
        return KdpDB.ubah(entry.id, { state: "ditolak", halaman: html });
      });
    }
    if (response.status >= 500 || response.status === 429 || path === MASUK) {
      return KdpDB.ubah(entry.id, { state: "menunggu" });
    }
    return KdpDB.ubah(entry.id, { state: "ditolak", alasan: "Server menolak entri ini (kode " + response.status + ")." });
  }, function () {
    return KdpDB.ubah(entry.id, { state: "menunggu" }).then(function () { return false; });
  });
}

self.addEventListener("sync", function (event) {
  if (event.tag === "kirim-antrean") event.waitUntil(kirimAntrean());
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "kirim") event.waitUntil(kirimAntrean());
});
