package mq.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Asserts that a file is a real PNG: the signature, and an image that decodes at the expected size. */
public final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {
    }

    public static void assertPng(Path file, int width, int height) throws IOException {
        BufferedImage image = decode(file);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    /** For charts whose legend below the plot makes them taller the more series they draw. */
    public static void assertPngAtLeast(Path file, int width, int minHeight) throws IOException {
        BufferedImage image = decode(file);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(minHeight);
    }

    private static BufferedImage decode(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, SIGNATURE.length)).as("PNG signature of %s", file).isEqualTo(SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decoded %s", file).isNotNull();
        return image;
    }
}
