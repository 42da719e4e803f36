/*
 * The map of /map: draws the server's clusters for the viewport with Leaflet, keeps the view in
 * the address bar and offers "near me". Everything it needs comes from data- attributes of #map;
 * without JavaScript (or when Leaflet cannot load) the list beside the map shows the same places.
 */
(function () {
  'use strict';

  function format(pattern, values) {
    return String(pattern || '').replace(/\{(\d+)\}/g, function (match, index) {
      return values[Number(index)] === undefined ? match : String(values[Number(index)]);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function activates(event) {
    return event.key === 'Enter' || event.key === ' ';
  }

  function setupNearMe() {
    var button = document.getElementById('near-me');
    var form = document.getElementById('map-filters');
    var status = document.getElementById('near-status');
    if (!button || !form || !('geolocation' in navigator)) {
      return;
    }
    button.hidden = false;
    function field(name) {
      var input = form.querySelector('input[type=hidden][name="' + name + '"]');
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        form.appendChild(input);
      }
      return input;
    }
    button.addEventListener('click', function () {
      status.textContent = button.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(function (position) {
        field('lat').value = position.coords.latitude.toFixed(5);
        field('lon').value = position.coords.longitude.toFixed(5);
        field('near').value = '';
        var place = form.querySelector('[name=place]');
        if (place) {
          place.value = '';
        }
        form.submit();
      }, function () {
        status.textContent = button.getAttribute('data-error');
      }, {enableHighAccuracy: false, timeout: 15000, maximumAge: 300000});
    });
  }

  function setupMap() {
    var container = document.getElementById('map');
    if (!container || typeof window.L === 'undefined') {
      return;
    }
    var L = window.L;
    var data = container.dataset;
    var status = document.getElementById('map-status');
    container.hidden = false;

    var map = L.map(container, {zoomControl: false, minZoom: 2, maxZoom: 19, keyboard: true});
    L.control.zoom({zoomInTitle: data.labelZoomIn, zoomOutTitle: data.labelZoomOut}).addTo(map);
    L.tileLayer(data.tileUrl, {attribution: data.tileAttribution, maxZoom: 19}).addTo(map);
    var markers = L.layerGroup().addTo(map);

    var near = (data.near || '').split(',').map(Number);
    if (near.length === 3 && near.every(isFinite)) {
      L.circle([near[0], near[1]], {radius: near[2] * 1000, interactive: false, className: 'map-near-circle'}).addTo(map);
    }

    var bounds = (data.bounds || '').split(',').map(Number);
    if (bounds.length === 4 && bounds.every(isFinite)) {
      map.fitBounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]], {padding: [24, 24], maxZoom: 13});
    } else {
      map.setView([Number(data.lat), Number(data.lon)], Number(data.zoom));
    }

    map.on('popupopen', function (event) {
      var close = event.popup.getElement() && event.popup.getElement().querySelector('.leaflet-popup-close-button');
      if (close) {
        close.setAttribute('aria-label', data.labelClose);
        close.setAttribute('title', data.labelClose);
      }
    });

    function clusterMarker(feature) {
      var p = feature.properties;
      var coordinates = feature.geometry.coordinates;
      var size = p.count < 10 ? 34 : p.count < 100 ? 42 : p.count < 1000 ? 50 : 58;
      var label = format(data.labelCluster, [p.count, p.activities]);
      var html = element('span', 'map-cluster-count', p.count);
      html.setAttribute('aria-hidden', 'true');
      var marker = L.marker([coordinates[1], coordinates[0]], {
        icon: L.divIcon({html: html, className: 'map-cluster', iconSize: [size, size]}),
        keyboard: true,
        title: label,
        riseOnHover: true
      });
      function expand() {
        var target = Math.max(p.expansionZoom || map.getZoom() + 2, map.getZoom() + 1);
        map.setView([coordinates[1], coordinates[0]], Math.min(target, map.getMaxZoom()));
        // The markers are about to be replaced; keep keyboard focus on the map rather than losing it.
        container.focus();
      }
      marker.on('click', expand);
      marker.on('keydown', function (event) {
        if (activates(event.originalEvent)) {
          event.originalEvent.preventDefault();
          expand();
        }
      });
      marker.on('add', function () {
        marker.getElement().setAttribute('aria-label', label);
      });
      return marker;
    }

    function venueMarker(feature) {
      var p = feature.properties;
      var coordinates = feature.geometry.coordinates;
      var label = format(data.labelVenue, [p.name, p.activities]);
      var html = element('span', 'map-venue-dot');
      html.setAttribute('aria-hidden', 'true');
      var marker = L.marker([coordinates[1], coordinates[0]], {
        icon: L.divIcon({html: html, className: 'map-venue', iconSize: [26, 26]}),
        keyboard: true,
        title: label,
        riseOnHover: true
      });
      var popup = element('div', 'map-popup');
      var title = element('p', 'map-popup-title');
      var link = element('a', null, p.name);
      link.href = p.url;
      title.appendChild(link);
      popup.appendChild(title);
      popup.appendChild(element('p', 'muted', p.town));
      popup.appendChild(element('p', null, format(data.labelActivities, [p.activities])));
      var open = element('a', 'button secondary', data.labelOpen);
      open.href = p.url;
      popup.appendChild(open);
      marker.bindPopup(popup);
      // Leaflet opens the popup on Enter; a button also answers to the space bar.
      marker.on('keydown', function (event) {
        if (event.originalEvent.key === ' ') {
          event.originalEvent.preventDefault();
          marker.openPopup();
        }
      });
      marker.on('add', function () {
        marker.getElement().setAttribute('aria-label', label);
      });
      return marker;
    }

    function draw(collection) {
      markers.clearLayers();
      collection.features.forEach(function (feature) {
        markers.addLayer(feature.properties.venueId ? venueMarker(feature) : clusterMarker(feature));
      });
      status.textContent = format(data.labelStatus, [collection.venues, collection.activities]);
      container.setAttribute('data-venues', String(collection.venues));
    }

    var pending = null;
    var timer = null;

    function load() {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      var view = map.getBounds().pad(0.25);
      var box = [
        Math.max(-180, view.getWest()), Math.max(-90, view.getSouth()),
        Math.min(180, view.getEast()), Math.min(90, view.getNorth())
      ].map(function (value) { return value.toFixed(5); });
      var zoom = Math.max(0, Math.min(20, Math.round(map.getZoom())));
      var url = data.clustersUrl + '?' + (data.filters ? data.filters + '&' : '')
        + 'bbox=' + box.join(',') + '&zoom=' + zoom;
      container.setAttribute('aria-busy', 'true');
      fetch(url, {headers: {Accept: 'application/geo+json'}, signal: pending.signal})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(draw)
        .catch(function (error) {
          if (error.name !== 'AbortError') {
            status.textContent = data.labelFailed;
          }
        })
        .finally(function () {
          container.removeAttribute('aria-busy');
        });
    }

    function remember() {
      var centre = map.getCenter();
      var params = new URLSearchParams(window.location.search);
      params.set('view', centre.lat.toFixed(5) + ',' + centre.lng.toFixed(5) + ',' + Math.round(map.getZoom()));
      window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    }

    map.on('moveend', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        load();
        remember();
      }, 150);
    });
    status.textContent = data.labelLoading;
    load();
  }

  // Leaflet (about 45 KB) and its tiles load by themselves only on wide screens; a phone shows the
  // list first and loads the map when the person asks for it, so the page stays light on cheap data.
  function loadLeaflet(then) {
    var container = document.getElementById('map');
    if (!container) {
      return;
    }
    if (typeof window.L !== 'undefined') {
      then();
      return;
    }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = container.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = container.dataset.leafletJs;
    script.onload = then;
    document.head.appendChild(script);
  }

  function start() {
    setupNearMe();
    var show = document.getElementById('map-show');
    var saveData = navigator.connection && navigator.connection.saveData;
    if (!show || (window.matchMedia('(min-width: 48rem)').matches && !saveData)) {
      loadLeaflet(setupMap);
      return;
    }
    show.hidden = false;
    show.querySelector('button').addEventListener('click', function () {
      show.hidden = true;
      loadLeaflet(function () {
        setupMap();
        document.getElementById('map').focus();
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
