// The portal's Leaflet map (see PlaceMap.java). Vector shapes only, so it works without reachable tiles.
(function () {
  function whenLeaflet(run) {
    if (window.L) { run(); return; }
    var tries = 0;
    var timer = setInterval(function () {
      if (window.L || ++tries > 200) { clearInterval(timer); if (window.L) run(); }
    }, 25);
  }
  function popup(m) {
    var text = document.createElement(m.href ? 'a' : 'span');
    text.textContent = m.label;
    if (m.href) text.href = m.href;
    return text;
  }
  window.civicMap = {
    init: function (el, json) {
      var o = JSON.parse(json);
      whenLeaflet(function () {
        if (el.civicMap) { el.civicMap.remove(); }
        // No zoom animation: markers are placed right after start-up, and a view caught mid-animation looks broken.
        var map = L.map(el, { keyboard: true, zoomControl: true, zoomAnimation: false, fadeAnimation: false,
          markerZoomAnimation: false }).setView([o.lat, o.lon], o.zoom);
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        el.civicMap = map;
        el.civicColour = o.colour;
        L.tileLayer(o.tiles, { maxZoom: 19, attribution: o.attribution }).addTo(map);
        (o.districts || []).forEach(function (d) {
          L.polygon(d.polygon, { color: '#546E7A', weight: 1, fill: false, dashArray: '4 4', interactive: false })
            .addTo(map);
        });
        el.civicMarkers = L.layerGroup().addTo(map);
        window.civicMap.markers(el, JSON.stringify(o.markers || []));
        if (o.point) { window.civicMap.point(el, o.point[0], o.point[1]); }
        if (o.editable) {
          map.on('click', function (e) {
            window.civicMap.point(el, e.latlng.lat, e.latlng.lng);
            el.$server.pick(e.latlng.lat, e.latlng.lng);
          });
          // Keyboard: arrows pan (Leaflet), Enter or Space picks the centre of the map.
          map.getContainer().addEventListener('keydown', function (e) {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              var c = map.getCenter();
              window.civicMap.point(el, c.lat, c.lng);
              el.$server.pick(c.lat, c.lng);
            }
          });
        }
        // Vaadin may lay the element out after Leaflet measured it.
        setTimeout(function () { map.invalidateSize(); }, 100);
      });
    },
    markers: function (el, json) {
      whenLeaflet(function () {
        if (!el.civicMarkers) return;
        el.civicMarkers.clearLayers();
        var bounds = [];
        JSON.parse(json).forEach(function (m) {
          L.circleMarker([m.latitude, m.longitude], { radius: 8, color: '#fff', weight: 2,
            fillColor: el.civicColour || '#1565C0', fillOpacity: 0.9, className: 'civic-map-marker' })
            .bindPopup(popup(m)).bindTooltip(m.label).addTo(el.civicMarkers);
          bounds.push([m.latitude, m.longitude]);
        });
        if (bounds.length > 1) el.civicMap.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
        else if (bounds.length === 1) el.civicMap.setView(bounds[0], Math.max(el.civicMap.getZoom(), 15), { animate: false });
      });
    },
    point: function (el, lat, lon) {
      whenLeaflet(function () {
        if (!el.civicMap) return;
        if (el.civicPoint) { el.civicPoint.remove(); el.civicPoint = null; }
        if (lat === null || lat === undefined) return;
        el.civicPoint = L.circleMarker([lat, lon], { radius: 10, color: '#fff', weight: 3,
          fillColor: el.civicColour || '#1565C0', fillOpacity: 1, className: 'civic-map-point' }).addTo(el.civicMap);
      });
    }
  };
})();
