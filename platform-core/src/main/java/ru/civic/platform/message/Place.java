package ru.civic.platform.message;

/** Where a problem is: a map point, an address, or both. */
public record Place(Double latitude, Double longitude, String address) {

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    public boolean isEmpty() {
        return !hasPoint() && (address == null || address.isBlank());
    }
}
