package dev.kirana.order.upi;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Reads a QR code back from an image, as a payer's phone would. */
public final class Qr {
    public static String decode(byte[] image) {
        try {
            return decode(ImageIO.read(new ByteArrayInputStream(image)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String decode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                    .getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code in the " + w + "x" + h + " image", e);
        }
    }

    private Qr() {
    }
}
