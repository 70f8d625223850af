package cn.gannan.hpf.rooms.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Recognises an image by its bytes, never by its file name: JPEG, PNG, GIF or WebP, with the
 * dimensions read from the header (JPEG, PNG, GIF through ImageIO; WebP from its VP8 header).
 */
final class ImageCheck {

    /** What was found: the media type and the size in pixels. */
    record Image(String mediaType, int width, int height) {
    }

    private ImageCheck() {
    }

    /** The image, or null when the bytes are not a readable image of an accepted type. */
    static Image inspect(byte[] b) {
        if (b == null || b.length < 16) {
            return null;
        }
        String type = null;
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            type = "image/jpeg";
        } else if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) {
            type = "image/png";
        } else if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            type = "image/gif";
        } else if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return webp(b);
        }
        if (type == null) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return w > 0 && h > 0 ? new Image(type, w, h) : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null; // damaged header: not an image we keep
        }
    }

    private static Image webp(byte[] b) {
        if (b.length < 30 || b[12] != 'V' || b[13] != 'P' || b[14] != '8') {
            return null;
        }
        int w = 0;
        int h = 0;
        if (b[15] == ' ') { // lossy: frame size after the start code 9d 01 2a
            w = ((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff;
            h = ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff;
        } else if (b[15] == 'L') { // lossless: 14-bit width-1 and height-1 after the signature 0x2f
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            w = (bits & 0x3fff) + 1;
            h = ((bits >> 14) & 0x3fff) + 1;
        } else if (b[15] == 'X') { // extended: 24-bit canvas width-1 and height-1
            w = ((b[24] & 0xff) | (b[25] & 0xff) << 8 | (b[26] & 0xff) << 16) + 1;
            h = ((b[27] & 0xff) | (b[28] & 0xff) << 8 | (b[29] & 0xff) << 16) + 1;
        }
        return w > 0 && h > 0 ? new Image("image/webp", w, h) : null;
    }
}
