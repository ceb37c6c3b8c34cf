package dev.kirana.auth.otp;

public enum Channel {
    SMS, EMAIL
}
