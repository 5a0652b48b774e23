package ru.civic.portal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;

import ru.civic.platform.tenancy.TenantConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Leaflet map (open source, served from its WebJar) with the tenant's tiles, its districts outlined, markers, and,
 * when editable, a point picked by a click or, by keyboard, the map's centre with Enter. Markers and districts are
 * vector shapes, so the map stays useful when the tile server is unreachable: the tiles fail, the shapes remain.
 */
@JavaScript("context://webjars/leaflet/1.9.4/dist/leaflet.js")
@JavaScript("context://civic/place-map.js")
@StyleSheet("context://webjars/leaflet/1.9.4/dist/leaflet.css")
public class PlaceMap extends Div {

    /** A marker: where, a short label, and the page it leads to (or null). */
    public record Marker(double latitude, double longitude, String label, String href) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantConfiguration tenant;
    private final List<Marker> markers = new ArrayList<>();
    private boolean editable;
    private Double latitude;
    private Double longitude;
    private BiConsumer<Double, Double> pointListener = (lat, lon) -> { };

    public PlaceMap(TenantConfiguration tenant, String ariaLabel) {
        this.tenant = tenant;
        addClassName("civic-map");
        setWidthFull();
        setHeight("360px");
        getElement().setAttribute("role", "application");
        getElement().setAttribute("aria-label", ariaLabel);
        getStyle().set("background", "#E8EEF2").set("border-radius", "var(--lumo-border-radius-m)")
                .set("z-index", "0");
    }

    public void setMarkers(List<Marker> shown) {
        markers.clear();
        markers.addAll(shown);
        if (isAttached()) {
            getElement().executeJs("window.civicMap.markers(this, $0)", JSON.writeValueAsString(markers));
        }
    }

    public List<Marker> getMarkers() {
        return List.copyOf(markers);
    }

    /** Lets the user pick the point; the listener hears every pick (latitude, longitude). */
    public void setEditable(boolean editable, BiConsumer<Double, Double> listener) {
        this.editable = editable;
        this.pointListener = Objects.requireNonNull(listener);
    }

    public void setPoint(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        if (isAttached()) {
            getElement().executeJs("window.civicMap.point(this, $0, $1)", latitude, longitude);
        }
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    /** Called by the browser when the user picks a point; also what a test calls to pick one. */
    @ClientCallable
    public void pick(double latitude, double longitude) {
        if (!editable || latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            return;
        }
        this.latitude = latitude;
        this.longitude = longitude;
        pointListener.accept(latitude, longitude);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        TenantConfiguration.Features features = tenant.features();
        TenantConfiguration.MapCenter center = features.mapCenter();
        List<Object> districts = new ArrayList<>();
        tenant.districts().forEach(d -> districts.add(java.util.Map.of("name", d.name(), "polygon", d.polygon())));
        java.util.Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("lat", latitude != null ? latitude : center == null ? 55.75 : center.lat());
        options.put("lon", longitude != null ? longitude : center == null ? 37.62 : center.lon());
        options.put("zoom", center == null ? 12 : center.zoom());
        options.put("tiles", features.tileUrl());
        options.put("attribution", features.tileAttribution() == null ? "" : features.tileAttribution());
        options.put("editable", editable);
        options.put("districts", districts);
        options.put("markers", markers);
        options.put("point", latitude == null ? null : List.of(latitude, longitude));
        options.put("colour", tenant.branding().primaryColor());
        getElement().executeJs("window.civicMap.init(this, $0)", JSON.writeValueAsString(options));
    }
}
