package cn.gannan.hpf.rooms.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.Test;

public class ImageCheckTest {

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xC8102E);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    public void recognisesPngJpegGifByContentWithSize() throws IOException {
        ImageCheck.Image png = ImageCheck.inspect(image("png", 30, 20));
        assertNotNull(png);
        assertEquals("image/png", png.mediaType());
        assertEquals(30, png.width());
        assertEquals(20, png.height());
        assertEquals("image/jpeg", ImageCheck.inspect(image("jpg", 16, 16)).mediaType());
        assertEquals("image/gif", ImageCheck.inspect(image("gif", 16, 16)).mediaType());
    }

    @Test
    public void recognisesWebpHeader() {
        byte[] b = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        b[23] = (byte) 0x9d;
        b[24] = 0x01;
        b[25] = 0x2a;
        b[26] = 64;
        b[28] = 48;
        ImageCheck.Image i = ImageCheck.inspect(b);
        assertEquals("image/webp", i.mediaType());
        assertEquals(64, i.width());
        assertEquals(48, i.height());
    }

    @Test
    public void refusesTextPdfTruncatedAndTiny() throws IOException {
        assertNull(ImageCheck.inspect("<html>not a photo, whatever its name says</html>".getBytes(StandardCharsets.UTF_8)));
        assertNull(ImageCheck.inspect("%PDF-1.7 fake pdf content here".getBytes(StandardCharsets.US_ASCII)));
        byte[] png = image("png", 30, 20);
        assertNull("only the signature of a PNG", ImageCheck.inspect(Arrays.copyOf(png, 18)));
        assertNull(ImageCheck.inspect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertNull(ImageCheck.inspect(null));
    }
}
