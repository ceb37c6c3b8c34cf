package dev.kirana.order.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The service's one QR code maker (ZXing): a UPI payment link, or the signed QR code of a registered e-invoice, as a
 * PNG, an SVG or a bitmap for a PDF: error correction level M, the 4-module quiet zone around it that scanners need,
 * black on white. Blocking work: call it off the event loop.
 */
public final class QrCode {
    /** Pixels per module of a PNG: about 400 px for an invoice's link, sharp on a counter screen and in print. */
    public static final int MODULE_PIXELS = 8;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 4);

    /** The code's modules, one bit each, quiet zone included. */
    public static BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** The modules of a code as a square 8-bit grey bitmap, one pixel a module: 0 black, 255 white. */
    public record Bitmap(int size, byte[] pixels) {
    }

    /** The code as a bitmap of one pixel a module, for a PDF to scale up (a few hundred bytes once compressed). */
    public static Bitmap bitmap(String text) {
        BitMatrix m = modules(text);
        int n = m.getWidth();
        byte[] pixels = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                pixels[y * n + x] = m.get(x, y) ? 0 : (byte) 0xFF;
            }
        }
        return new Bitmap(n, pixels);
    }

    public static byte[] png(String text) {
        return png(text, MODULE_PIXELS);
    }

    public static byte[] png(String text, int modulePixels) {
        BitMatrix m = modules(text);
        int size = m.getWidth() * modulePixels;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        int white = 0xFFFFFFFF;
        int black = 0xFF000000;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, m.get(x / modulePixels, y / modulePixels) ? black : white);
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

    /** The code as SVG, one path of unit squares in a view box of the module count (it scales to any size). */
    public static String svg(String text) {
        BitMatrix m = modules(text);
        int n = m.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (m.get(x, y)) {
                    int run = 1;
                    while (x + run < n && m.get(x + run, y)) run++;
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                    x += run - 1;
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + n * MODULE_PIXELS
                + "\" height=\"" + n * MODULE_PIXELS + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    private QrCode() {
    }
}
