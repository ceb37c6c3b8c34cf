package dev.kirana.inventory.serial;

import java.util.UUID;

/**
 * One unit of a serial-tracked product (a phone's IMEI). A unit in stock can be sold once; a sold unit
 * can be returned once (back into stock, as a returned unit); a unit in stock can be written off
 * (damaged, lost) and come back if it is found again. Anything else is refused.
 */
public record SerialUnit(String serial, Status status, UUID locationId) {
    public enum Status { IN_STOCK, SOLD, WRITTEN_OFF }

    public SerialUnit sell() {
        require(Status.IN_STOCK, "sold");
        return new SerialUnit(serial, Status.SOLD, null);
    }

    /** A customer brings a sold unit back into stock at {@code location}. */
    public SerialUnit returnTo(UUID location) {
        require(Status.SOLD, "returned");
        return new SerialUnit(serial, Status.IN_STOCK, location);
    }

    public SerialUnit writeOff() {
        require(Status.IN_STOCK, "written off");
        return new SerialUnit(serial, Status.WRITTEN_OFF, null);
    }

    /** A written-off unit turned up again (a count or a correction). */
    public SerialUnit found(UUID location) {
        require(Status.WRITTEN_OFF, "found again");
        return new SerialUnit(serial, Status.IN_STOCK, location);
    }

    public SerialUnit moveTo(UUID location) {
        require(Status.IN_STOCK, "transferred");
        return new SerialUnit(serial, Status.IN_STOCK, location);
    }

    private void require(Status wanted, String action) {
        if (status != wanted) {
            throw new IllegalStateException("serial " + serial + " is " + describe() + " and cannot be " + action);
        }
    }

    private String describe() {
        return switch (status) {
            case IN_STOCK -> "in stock";
            case SOLD -> "sold";
            case WRITTEN_OFF -> "written off";
        };
    }
}
