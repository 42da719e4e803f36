// The roster: scan a check-in pass with the phone's camera where the browser can read QR codes
// (BarcodeDetector). Without it, or without JavaScript, staff type the code; the form is the same.
(function () {
  'use strict';

  function start(form) {
    var button = form.querySelector('[data-scan]');
    var video = form.querySelector('[data-camera]');
    var status = form.querySelector('[data-scan-status]');
    var input = form.querySelector('input[name="code"]');
    if (!button || !video || !input || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
      return;
    }
    var detector;
    try {
      detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    } catch (e) {
      return;
    }
    button.hidden = false;
    var stream = null;

    function stop() {
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
        stream = null;
      }
      video.hidden = true;
    }

    function say(text) {
      status.hidden = !text;
      status.textContent = text || '';
    }

    function look() {
      if (!stream) {
        return;
      }
      detector.detect(video).then(function (codes) {
        if (codes.length > 0 && codes[0].rawValue) {
          input.value = codes[0].rawValue;
          stop();
          form.submit();
        } else {
          window.setTimeout(look, 250);
        }
      }).catch(function () {
        window.setTimeout(look, 500);
      });
    }

    button.addEventListener('click', function () {
      if (stream) {
        stop();
        say('');
        return;
      }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          say(form.getAttribute('data-scanning'));
          return video.play();
        })
        .then(look)
        .catch(function () {
          stop();
          say(form.getAttribute('data-no-camera'));
          input.focus();
        });
    });
  }

  function init() {
    document.querySelectorAll('[data-pass-form]').forEach(start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
