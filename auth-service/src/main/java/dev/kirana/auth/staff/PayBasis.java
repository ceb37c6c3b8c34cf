package dev.kirana.auth.staff;

/** How an employee is paid: a monthly salary (prorated by payable days), a daily wage, or an hourly wage. */
public enum PayBasis {
    MONTHLY, DAILY, HOURLY
}
