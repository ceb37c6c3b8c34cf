/** Small checks for unusual behaviour: actors far above the shop's norm, and sudden demand shifts. */
package dev.kirana.reporting.forecast.anomaly;
