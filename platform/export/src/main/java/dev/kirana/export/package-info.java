/** Tables to CSV, XLSX and PDF: the suite's one export mechanism. */
package dev.kirana.export;
