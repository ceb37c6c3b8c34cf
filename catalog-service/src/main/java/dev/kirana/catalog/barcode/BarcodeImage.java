package dev.kirana.catalog.barcode;

import dev.kirana.catalog.gs1.Symbology;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A barcode as a PNG: black bars on white, quiet zones included. Blocking work: call it off the event loop. */
public final class BarcodeImage {
    /** Pixels per module: 3 px bars read well from a screen and in print at 300 dpi. */
    static final int MODULE_PIXELS = 3;
    static final int HEIGHT_PIXELS = 120;
    /** White modules each side: scanners need at least 11 left and 7 right of an EAN-13, 10 each side of Code 128. */
    static final int QUIET_ZONE = 11;

    private BarcodeImage() {
    }

    public static byte[] png(String code, Symbology symbology) {
        boolean[] modules = symbology.modules(code);
        int width = (modules.length + 2 * QUIET_ZONE) * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(width, HEIGHT_PIXELS, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < width; x++) {
            int m = x / MODULE_PIXELS - QUIET_ZONE;
            int rgb = m >= 0 && m < modules.length && modules[m] ? 0xFF000000 : 0xFFFFFFFF;
            for (int y = 0; y < HEIGHT_PIXELS; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
