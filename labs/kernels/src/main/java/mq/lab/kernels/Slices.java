package mq.lab.kernels;

/**
 * Cuts {@code [0, size)} into {@code parts} contiguous slices whose lengths differ by at
 * most one. Slices may be empty when there are more parts than elements.
 */
public final class Slices {

    private Slices() {
    }

    public record Slice(int from, int to) {
        public int length() {
            return to - from;
        }
    }

    public static Slice of(int size, int parts, int index) {
        if (size < 0 || parts <= 0 || index < 0 || index >= parts) {
            throw new IllegalArgumentException("bad slice: size=" + size + " parts=" + parts + " index=" + index);
        }
        // long arithmetic: size * parts overflows int for 100M elements and 24 threads.
        int from = (int) ((long) size * index / parts);
        int to = (int) ((long) size * (index + 1) / parts);
        return new Slice(from, to);
    }
}
