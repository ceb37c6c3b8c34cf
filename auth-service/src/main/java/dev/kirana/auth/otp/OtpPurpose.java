package dev.kirana.auth.otp;

/** What a one-time code proves; a code sent for one purpose is useless for another. */
public enum OtpPurpose {
    LOGIN, VERIFY_PHONE, VERIFY_EMAIL, RESET_PASSWORD
}
