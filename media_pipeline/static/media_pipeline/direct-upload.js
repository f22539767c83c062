/* Direct, resumable upload of a video to the S3 bucket (vendored Uppy 5, see vendor/uppy/).
 *
 * The server signs every step (start, one URL per part, list parts, complete, abort) at the
 * URLs in the widget's data-url-* attributes; the bytes go from the browser to the bucket in
 * parts, each retried. Golden Retriever keeps the file (in IndexedDB, up to its size limit) and
 * the upload's state across a reload; on the next visit the upload carries on, and the plugin
 * asks the server which parts the bucket already has, so only the others are sent. Once the
 * upload is complete the object's name goes into the form's hidden input, and saving the form
 * creates the video (the worker checks the file, then transcodes it). */
(function () {
  "use strict";

  var MiB = 1024 * 1024;

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function init(root) {
    var U = window.Uppy;
    var form = root.closest("form");
    var keyInput = root.querySelector("[data-direct-upload-key]");
    var bar = root.querySelector("[data-direct-upload-progress]");
    var percent = root.querySelector("[data-direct-upload-percent]");
    var errorBox = root.querySelector("[data-direct-upload-error]");
    var maxBytes = Number(root.dataset.maxBytes);
    var minPart = Number(root.dataset.partSize) || 8 * MiB;

    function request(method, url, body) {
      var options = {
        method: method,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form), Accept: "application/json" },
      };
      if (body !== undefined) {
        options.headers["Content-Type"] = "application/json";
        options.body = JSON.stringify(body);
      }
      return fetch(url, options).then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            throw new Error(data.error || response.statusText);
          }
          return data;
        });
      });
    }

    function withQuery(url, params) {
      var query = new URLSearchParams(params);
      return url + "?" + query.toString();
    }

    function showError(message) {
      errorBox.textContent = message;
      errorBox.hidden = !message;
    }

    var uppy = new U.Uppy({
      id: "media-pipeline-video-upload",
      autoProceed: true,
      restrictions: { maxNumberOfFiles: 1, maxFileSize: maxBytes, allowedFileTypes: ["video/*"] },
    });
    uppy.use(U.Dashboard, {
      inline: true,
      target: root.querySelector("[data-uppy-target]"),
      height: 320,
      width: "100%",
      showProgressDetails: true, // speed and time left
      proudlyDisplayPoweredByUppy: false,
      hideUploadButton: true,
      doneButtonHandler: null,
    });
    uppy.use(U.AwsS3, {
      shouldUseMultipart: true,
      limit: 4,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      getChunkSize: function (file) {
        return Math.max(minPart, Math.ceil(file.size / 10000));
      },
      createMultipartUpload: function (file) {
        return request("POST", root.dataset.urlCreate, {
          filename: file.name,
          size: file.size,
          type: file.type,
        });
      },
      signPart: function (file, part) {
        return request(
          "GET",
          withQuery(root.dataset.urlSign, {
            key: part.key,
            uploadId: part.uploadId,
            partNumber: part.partNumber,
          }),
        );
      },
      listParts: function (file, upload) {
        return request(
          "GET",
          withQuery(root.dataset.urlParts, { key: upload.key, uploadId: upload.uploadId }),
        ).then(function (data) {
          return data.parts;
        });
      },
      completeMultipartUpload: function (file, upload) {
        return request("POST", root.dataset.urlComplete, {
          key: upload.key,
          uploadId: upload.uploadId,
          parts: upload.parts,
        });
      },
      abortMultipartUpload: function (file, upload) {
        return request("POST", root.dataset.urlAbort, {
          key: upload.key,
          uploadId: upload.uploadId,
        });
      },
    });
    uppy.use(U.GoldenRetriever, {
      serviceWorker: false,
      indexedDB: { maxFileSize: 512 * MiB, maxTotalSize: 1024 * MiB },
    });
    // After a reload the restored upload carries on by itself (only the missing parts).
    uppy.on("restored", function () {
      if (uppy.getFiles().some(function (file) { return !file.isGhost; })) {
        uppy.emit("restore-confirmed");
      }
    });
    uppy.on("file-added", function () {
      keyInput.value = "";
      showError("");
    });
    uppy.on("file-removed", function () {
      keyInput.value = "";
      bar.hidden = true;
      percent.textContent = "";
    });
    uppy.on("progress", function (value) {
      bar.hidden = false;
      bar.value = value;
      percent.textContent = value + " %";
    });
    uppy.on("upload-success", function (file, response) {
      keyInput.value = response.body.key;
      bar.value = 100;
      percent.textContent = "100 %";
      root.dataset.uploaded = "true";
    });
    uppy.on("upload-error", function (file, error) {
      showError(error && error.message ? error.message : String(error));
    });
    uppy.on("restriction-failed", function (file, error) {
      showError(error.message);
    });
    // Uppy's own file inputs sit inside this form: keep them out of what the form posts, or
    // saving would send the whole file to the site after all.
    form.addEventListener(
      "submit",
      function () {
        var inputs = root.querySelectorAll("[data-uppy-target] input[type=file]");
        inputs.forEach(function (input) {
          input.disabled = true;
        });
        window.setTimeout(function () {
          inputs.forEach(function (input) {
            input.disabled = false;
          });
        }, 0);
      },
      true,
    );
    root.uppy = uppy; // for the browser tests
  }

  function start() {
    document.querySelectorAll("[data-direct-upload]").forEach(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
