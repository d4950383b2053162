// Activity photos on a weak link: each chosen photo is shrunk on the phone (long side 1600 px,
// JPEG, at most about 400 KB) and the form is sent in the background with a progress bar per
// photo. The camera's date and GPS point are read first (they are dropped with the rest of the
// EXIF block when the photo is drawn again) and fill the date and the location when those are
// still as the page gave them. Without JavaScript, or in a browser that cannot draw the photo,
// the photos go as they are and the server shrinks them.
(function () {
  "use strict";
  var SISI_PANJANG = 1600;
  var BATAS = 400 * 1024;
  var MUTU = [0.85, 0.75, 0.65, 0.55, 0.45];
  var BAGIAN_MULTIPART = 200; // about the size of a part's headers, to place each photo in the body

  var form = document.querySelector("form[data-unggah-foto]");
  if (!form || !window.FormData || !window.createImageBitmap || !window.DataView) return;
  var input = form.querySelector("input[type=file][name=foto]");
  if (!input || !HTMLCanvasElement.prototype.toBlob) return;
  var list = form.querySelector("[data-foto-daftar]");
  var note = form.querySelector("[data-foto-catatan]");
  var failure = form.querySelector("[data-unggah-galat]");
  var progress = form.querySelector("[data-unggah-kemajuan]");
  var bar = form.querySelector("[data-unggah-bar]");
  var status = form.querySelector("[data-unggah-status]");
  var submit = form.querySelector("button[type=submit]");
  var tanggal = form.querySelector("input[name=tanggal]");
  var latitude = form.querySelector("input[name=latitude]");
  var longitude = form.querySelector("input[name=longitude]");
  var tanggalTouched = !form.hasAttribute("data-isi-tanggal");
  var photos = [];
  var rows = [];
  var sending = false;

  if (tanggal) {
    tanggal.addEventListener("input", function () { tanggalTouched = true; });
  }

  function kilobytes(size) {
    if (size >= 1024 * 1024) return (size / 1024 / 1024).toFixed(1).replace(".", ",") + " MB";
    return Math.max(1, Math.round(size / 1024)) + " KB";
  }

  // EXIF: the date a photo was taken and its GPS point, read from the JPEG's APP1 segment.
  function readExif(buffer) {
    var view = new DataView(buffer);
    if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) return null;
    var position = 2;
    while (position + 10 <= view.byteLength) {
      var marker = view.getUint16(position);
      if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null;
      if (marker === 0xffe1 && view.getUint32(position + 4) === 0x45786966) return readTiff(view, position + 10);
      position += 2 + view.getUint16(position + 2);
    }
    return null;
  }

  function readTiff(view, start) {
    var little = view.getUint16(start) === 0x4949;
    function u16(offset) { return view.getUint16(start + offset, little); }
    function u32(offset) { return view.getUint32(start + offset, little); }
    function entries(offset) {
      var tags = {};
      for (var i = 0, n = u16(offset); i < n; i += 1) tags[u16(offset + 2 + i * 12)] = offset + 2 + i * 12;
      return tags;
    }
    function ascii(entry) {
      var count = u32(entry + 4);
      var offset = count > 4 ? u32(entry + 8) : entry + 8;
      var text = "";
      for (var i = 0; i < count - 1; i += 1) text += String.fromCharCode(view.getUint8(start + offset + i));
      return text;
    }
    function degrees(entry) {
      var offset = u32(entry + 8);
      var value = 0;
      for (var i = 0; i < 3; i += 1) {
        var denominator = u32(offset + i * 8 + 4);
        if (denominator) value += u32(offset + i * 8) / denominator / Math.pow(60, i);
      }
      return value;
    }
    var result = {};
    var ifd0 = entries(u32(4));
    if (ifd0[0x8769]) {
      var exif = entries(u32(ifd0[0x8769] + 8));
      var taken = exif[0x9003] && /^(\d{4}):(\d{2}):(\d{2})/.exec(ascii(exif[0x9003]));
      if (taken && taken[1] !== "0000") result.tanggal = taken[1] + "-" + taken[2] + "-" + taken[3];
    }
    if (ifd0[0x8825]) {
      var gps = entries(u32(ifd0[0x8825] + 8));
      if (gps[1] && gps[2] && gps[3] && gps[4]) {
        var lat = degrees(gps[2]) * (ascii(gps[1]) === "S" ? -1 : 1);
        var lon = degrees(gps[4]) * (ascii(gps[3]) === "W" ? -1 : 1);
        if (lat || lon) result.lokasi = [lat.toFixed(6), lon.toFixed(6)];
      }
    }
    return result;
  }

  function exifOf(file) {
    return file.slice(0, 256 * 1024).arrayBuffer().then(function (buffer) {
      try { return readExif(buffer); } catch (error) { return null; }  // a damaged block: ignore it
    }, function () { return null; });
  }

  function today() {
    var now = new Date();
    return [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"), String(now.getDate()).padStart(2, "0")].join("-");
  }

  function useExif(found) {
    var taken = [];
    if (found.tanggal && tanggal && !tanggalTouched && found.tanggal <= today()) {
      tanggal.value = found.tanggal;
      tanggalTouched = true;
      var parts = found.tanggal.split("-");
      taken.push("tanggal " + new Date(+parts[0], +parts[1] - 1, +parts[2]).toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric" }));
    }
    if (found.lokasi && latitude && longitude && !latitude.value && !longitude.value) {
      latitude.value = found.lokasi[0];
      longitude.value = found.lokasi[1];
      var folded = latitude.closest("details");
      if (folded) folded.open = true;
      taken.push("titik lokasi");
    }
    if (taken.length) {
      note.textContent = "Diambil dari foto: " + taken.join(" dan ") + ". Periksa lagi bila keliru.";
      note.hidden = false;
    }
  }

  function toBlob(canvas, quality) {
    return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", quality); });
  }

  // Lower the quality step by step until the photo fits; a photo that still does not fit is drawn smaller.
  function encode(bitmap, scale) {
    var canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    var context = canvas.getContext("2d");
    context.fillStyle = "#fff";  // a transparent PNG becomes white, as on the server
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    function attempt(step) {
      return toBlob(canvas, MUTU[step]).then(function (blob) {
        if (!blob) throw new Error("toBlob");
        if (blob.size <= BATAS) return { blob: blob, canvas: canvas };
        if (step < MUTU.length - 1) return attempt(step + 1);
        if (Math.max(canvas.width, canvas.height) < 400) return { blob: blob, canvas: canvas };
        return encode(bitmap, scale * 0.8);
      });
    }
    return attempt(0);
  }

  function shrink(file) {
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, SISI_PANJANG / Math.max(bitmap.width, bitmap.height));
      return encode(bitmap, scale).then(function (result) {
        bitmap.close();
        return result;
      });
    });
  }

  function jpegName(name) {
    return (name.replace(/\.[^.]*$/, "") || "foto") + ".jpg";
  }

  function row(file) {
    var item = document.createElement("li");
    var thumb = document.createElement("canvas");
    thumb.width = 48;
    thumb.height = 36;
    var text = document.createElement("div");
    text.className = "linmas-foto-teks small";
    var label = document.createElement("span");
    label.textContent = file.name + ": mengecilkan…";
    var meter = document.createElement("progress");
    meter.max = 100;
    meter.value = 0;
    meter.hidden = true;  // shown once the photo is on its way
    meter.setAttribute("aria-label", "Kemajuan unggahan " + file.name);
    text.appendChild(label);
    text.appendChild(meter);
    item.appendChild(thumb);
    item.appendChild(text);
    list.appendChild(item);
    rows.push(meter);
    return { thumb: thumb, label: label, meter: meter };
  }

  function drawThumb(thumb, canvas) {
    var context = thumb.getContext("2d");
    var scale = Math.max(thumb.width / canvas.width, thumb.height / canvas.height);
    var width = canvas.width * scale;
    var height = canvas.height * scale;
    context.drawImage(canvas, (thumb.width - width) / 2, (thumb.height - height) / 2, width, height);
  }

  // One photo at a time: a phone has memory for one 12-megapixel picture, not for ten.
  var queue = Promise.resolve();

  function prepare(file) {
    var view = row(file);
    var ready = queue.then(function () {
      return exifOf(file).then(function (found) {
        if (found) useExif(found);
        return shrink(file);
      });
    }).then(function (result) {
      drawThumb(view.thumb, result.canvas);
      view.label.textContent = file.name + ": " + kilobytes(file.size) + " → " + kilobytes(result.blob.size);
      view.label.title = result.canvas.width + " × " + result.canvas.height + " px";
      return { blob: result.blob, name: jpegName(file.name), view: view };
    }, function () {
      // The browser cannot draw it (a format it does not know): send it as it is, the server decides.
      view.label.textContent = file.name + ": " + kilobytes(file.size) + ", dikirim apa adanya";
      return { blob: file, name: file.name, view: view };
    });
    queue = ready.catch(function () {});
    return ready;
  }

  input.addEventListener("change", function () {
    list.textContent = "";
    rows = [];
    failure.hidden = true;
    photos = Array.prototype.map.call(input.files, prepare);
    list.hidden = photos.length === 0;
  });

  var lastData = null;

  // With no signal, an activity of a form that works offline is kept on the phone and sent by
  // itself later (static/js/luring.js); otherwise the form stays filled, to send again.
  function keep() {
    if (!lastData || !window.KdpDB || !form.dataset.luringFormulir || !navigator.serviceWorker ||
        !navigator.serviceWorker.controller) return false;
    var info = {
      formulir: form.dataset.luringFormulir, judul: form.dataset.luringJudul,
      desa: form.dataset.luringDesa, bulan: form.dataset.luringBulan,
    };
    KdpDB.simpanForm(form.action || location.href, info, lastData).then(function (entry) {
      location.href = "/luring/?baru=" + encodeURIComponent(entry.id);
    }, showFailure);
    return true;
  }

  function fail() {
    if (keep()) return;
    showFailure();
  }

  function showFailure() {
    sending = false;
    submit.disabled = false;
    progress.hidden = true;
    rows.forEach(function (meter) { meter.hidden = true; });
    failure.textContent = "Unggahan terputus, coba kirim lagi.";
    failure.hidden = false;
    failure.scrollIntoView({ block: "center" });
  }

  function show(response) {
    // The server answered with a page (the month after a save, or the form with its errors):
    // show it as a normal submit would, at the address it came from.
    if (response.responseURL && response.responseURL !== location.href) {
      history.replaceState(null, "", response.responseURL);
    }
    document.open();
    document.write(response.responseText);
    document.close();
    window.scrollTo(0, 0);
  }

  function send(ready) {
    var data = new FormData(form);
    lastData = data;
    data.delete("foto");
    var photoBytes = 0;
    ready.forEach(function (photo) {
      photo.view.meter.value = 0;
      photo.view.meter.hidden = false;
      data.append("foto", photo.blob, photo.name);
      photoBytes += photo.blob.size + BAGIAN_MULTIPART;
    });
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.timeout = 15 * 60 * 1000;
    request.upload.addEventListener("progress", function (event) {
      if (!event.lengthComputable) return;
      var percent = Math.round(100 * event.loaded / event.total);
      bar.value = percent;
      status.textContent = event.loaded < event.total
        ? "Mengirim " + percent + "% (" + kilobytes(event.loaded) + " dari " + kilobytes(event.total) + ")…"
        : "Terkirim, menunggu jawaban server…";
      var start = event.total - photoBytes;
      ready.forEach(function (photo) {
        var size = photo.blob.size + BAGIAN_MULTIPART;
        photo.view.meter.value = Math.max(0, Math.min(100, Math.round(100 * (event.loaded - start) / size)));
        start += size;
      });
    });
    request.addEventListener("load", function () {
      if (request.status === 0 || !request.responseText) return fail();
      show(request);
    });
    request.addEventListener("error", fail);
    request.addEventListener("timeout", fail);
    request.addEventListener("abort", fail);
    request.send(data);
  }

  form.addEventListener("submit", function (event) {
    if (!photos.length) return;  // nothing to shrink: the ordinary submit
    event.preventDefault();
    if (sending) return;
    sending = true;
    submit.disabled = true;
    failure.hidden = true;
    progress.hidden = false;
    bar.value = 0;
    status.textContent = "Menyiapkan foto…";
    Promise.all(photos).then(send, fail);
  });
})();
