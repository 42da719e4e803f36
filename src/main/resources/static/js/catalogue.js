// Search page enhancements. Everything here is optional: without JavaScript the form submits
// normally, and htmx (loaded beside this file) swaps only the results when a filter changes.
(function () {
  'use strict';

  function setHidden(form, name, value) {
    var input = form.querySelector('input[type=hidden][name="' + name + '"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  function submit(form) {
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  // "Use my location": measure distance from where the browser says the person is.
  function enableLocate(form) {
    var button = form.querySelector('button.locate');
    if (!button || !('geolocation' in navigator)) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        button.disabled = false;
        var place = form.querySelector('input[name=place]');
        if (place) {
          place.value = '';
        }
        setHidden(form, 'lat', position.coords.latitude.toFixed(5));
        setHidden(form, 'lon', position.coords.longitude.toFixed(5));
        var sort = form.querySelector('select[name=sort]');
        if (sort) {
          sort.value = 'nearest';
        }
        submit(form);
      }, function () {
        button.disabled = false;
        var status = document.getElementById('result-status');
        if (status) {
          status.textContent = button.getAttribute('data-error');
        }
      }, { timeout: 10000, maximumAge: 600000 });
    });
  }

  // Typing a town replaces a location found earlier.
  function forgetLocationOnPlace(form) {
    var place = form.querySelector('input[name=place]');
    if (!place) {
      return;
    }
    place.addEventListener('input', function () {
      ['lat', 'lon'].forEach(function (name) {
        var input = form.querySelector('input[type=hidden][name="' + name + '"]');
        if (input) {
          input.remove();
        }
      });
    });
  }

  // Leave empty fields out of the address, so a shared or saved link shows only what was chosen.
  document.addEventListener('htmx:configRequest', function (event) {
    var parameters = event.detail.parameters;
    if (!parameters || typeof parameters.keys !== 'function') {
      return;
    }
    Array.from(parameters.keys()).forEach(function (name) {
      var values = parameters.getAll(name).filter(function (value) { return value !== ''; });
      parameters.delete(name);
      values.forEach(function (value) { parameters.append(name, value); });
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('search-form');
    if (!form) {
      return;
    }
    enableLocate(form);
    forgetLocationOnPlace(form);
  });
})();
