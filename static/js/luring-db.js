// The phone's queue of entries made with no signal, in IndexedDB; shared by the pages and the
// service worker (importScripts), so both read and write the same records.
//
// An entry: {id: the form's one-time token, pengguna: the account that made it, url, formulir,
// judul, ringkasan, desa, bulan ("2026-11"), fields: [[name, string or File]...], state:
// "menunggu" | "mengirim" | "terkirim" | "ditolak", dibuat, halaman (the refused answer), tujuan}.
//
// Versions: 1 kept entries in one store; 2 adds the index by account. An upgrade keeps every entry
// (a new release never loses what waits on a phone).
(function (root) {
  "use strict";
  var NAMA = "kudapanmas-luring";
  var VERSI = 2;
  var ENTRI = "entri";
  var META = "meta";
  var opened = null;

  function buka() {
    if (opened) return opened;
    opened = new Promise(function (resolve, reject) {
      var request = root.indexedDB.open(NAMA, VERSI);
      request.onupgradeneeded = function (event) {
        var db = request.result;
        var store;
        if (event.oldVersion < 1) {
          store = db.createObjectStore(ENTRI, { keyPath: "id" });
          db.createObjectStore(META);
        } else {
          store = request.transaction.objectStore(ENTRI);
        }
        if (event.oldVersion < 2) {
          store.createIndex("pengguna", "pengguna");
          // Version 1 entries named their account `user`.
          store.openCursor().onsuccess = function (cursorEvent) {
            var cursor = cursorEvent.target.result;
            if (!cursor) return;
            var entry = cursor.value;
            if (entry.pengguna === undefined && entry.user !== undefined) {
              entry.pengguna = entry.user;
              delete entry.user;
              cursor.update(entry);
            }
            cursor.continue();
          };
        }
      };
      request.onsuccess = function () {
        var db = request.result;
        db.onversionchange = function () { db.close(); opened = null; };
        resolve(db);
      };
      request.onerror = function () { opened = null; reject(request.error); };
      request.onblocked = function () { opened = null; reject(new Error("blocked")); };
    });
    return opened;
  }

  function jalankan(stores, mode, work) {
    return buka().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(stores, mode);
        var result;
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
        work(tx, function (value) { result = value; });
      });
    });
  }

  function hasil(request, set) {
    request.onsuccess = function () { set(request.result); };
  }

  var KdpDB = {
    simpan: function (entry) {
      return jalankan([ENTRI], "readwrite", function (tx) { tx.objectStore(ENTRI).put(entry); });
    },
    ambil: function (id) {
      return jalankan([ENTRI], "readonly", function (tx, set) { hasil(tx.objectStore(ENTRI).get(id), set); });
    },
    ubah: function (id, changes) {
      return jalankan([ENTRI], "readwrite", function (tx, set) {
        var store = tx.objectStore(ENTRI);
        var request = store.get(id);
        request.onsuccess = function () {
          if (!request.result) return;
          var entry = Object.assign(request.result, changes);
          store.put(entry);
          set(entry);
        };
      });
    },
    hapus: function (id) {
      return jalankan([ENTRI], "readwrite", function (tx) { tx.objectStore(ENTRI).delete(id); });
    },
    milik: function (pengguna) {
      if (pengguna === null || pengguna === undefined) return Promise.resolve([]);
      return jalankan([ENTRI], "readonly", function (tx, set) {
        hasil(tx.objectStore(ENTRI).index("pengguna").getAll(pengguna), function (entries) {
          set(entries.sort(function (a, b) { return a.dibuat - b.dibuat; }));
        });
      });
    },
    hapusMilik: function (pengguna) {
      return KdpDB.milik(pengguna).then(function (entries) {
        return Promise.all(entries.map(function (entry) { return KdpDB.hapus(entry.id); }));
      });
    },
    pengguna: function () {
      return jalankan([META], "readonly", function (tx, set) { hasil(tx.objectStore(META).get("pengguna"), set); });
    },
    aturPengguna: function (pengguna) {
      return jalankan([META], "readwrite", function (tx) { tx.objectStore(META).put(pengguna, "pengguna"); });
    },
    // Keep a form posted with no signal. `info`: {formulir, judul, desa, bulan: the field whose
    // date gives the report month, or periode: the month itself; ganti: a newer entry of the same
    // address replaces the one waiting (an RT's month)}; `data`: the FormData that was to be sent.
    simpanForm: function (address, info, data) {
      var url = new URL(address, root.location.href);
      url.search = "";
      var fields = [];
      data.forEach(function (value, name) {
        if (typeof value !== "string" && !value.size) return;  // an empty file input
        fields.push([name, value]);
      });
      return KdpDB.pengguna().then(function (pengguna) {
        var entry = {
          id: data.get("token_formulir") || KdpDB.uuid(),
          pengguna: pengguna,
          url: url.href,
          formulir: info.formulir,
          judul: info.judul,
          ringkasan: data.get("nama") || data.get("tempat") || "",
          desa: info.desa,
          bulan: info.periode || (data.get(info.bulan) || "").slice(0, 7),
          fields: fields,
          state: "menunggu",
          dibuat: Date.now(),
        };
        var older = info.ganti ? KdpDB.milik(pengguna) : Promise.resolve([]);
        return older.then(function (entries) {
          return Promise.all(entries.filter(function (other) {
            return other.url === entry.url && other.id !== entry.id && other.state !== "terkirim";
          }).map(function (other) { return KdpDB.hapus(other.id); }));
        }).then(function () { return KdpDB.simpan(entry); }).then(function () { return entry; });
      });
    },
    uuid: function () {
      if (root.crypto.randomUUID) return root.crypto.randomUUID();
      var bytes = root.crypto.getRandomValues(new Uint8Array(16));
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
      return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
    },
    belumTerkirim: function (entries) {
      return entries.filter(function (entry) { return entry.state !== "terkirim"; });
    },
  };

  root.KdpDB = KdpDB;
})(self);
