package mq.lab.kernels;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One way of summing a {@link Workload} with a given number of threads. A strategy opens a
 * {@link Session} per measured cell, so that what it creates once (a pool) is set up before
 * the clock starts and what it creates per sum (threads) is inside the measurement.
 */
public sealed interface SumStrategy
        permits Sequential, PlatformThreads, FixedPool, ForkJoin, ParallelStream, VirtualThreads {

    /** The name used on the command line, in files and in charts. */
    String name();

    /** One line for the help and the report. */
    String description();

    /** False for the sequential baseline: its thread count is always 1. */
    default boolean usesThreads() {
        return true;
    }

    /** Why this strategy cannot run on this JVM, if it cannot. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    Session open(int threads);

    /** Sums workloads with a fixed number of threads; closing it releases any pool. */
    interface Session extends AutoCloseable {
        Total sum(Workload workload) throws InterruptedException;

        @Override
        default void close() throws InterruptedException {
        }
    }

    static List<SumStrategy> all() {
        return List.of(new Sequential(), new PlatformThreads(), new FixedPool(), new ForkJoin(),
                new ParallelStream(), new VirtualThreads());
    }

    static String names() {
        return all().stream().map(SumStrategy::name).collect(Collectors.joining(", "));
    }

    static Optional<SumStrategy> named(String name) {
        return all().stream().filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
