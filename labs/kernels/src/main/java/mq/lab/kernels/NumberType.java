package mq.lab.kernels;

import java.util.Locale;

/** What the lab sums: bounded random longs (exact) or random doubles in [0, 1) (rounded). */
public enum NumberType {
    LONG, DOUBLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
