package mq.lab.kernels;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One new virtual thread per slice for every sum, like {@link PlatformThreads}. Virtual
 * threads run on a carrier pool as large as the number of cores, so more virtual threads
 * than cores only adds scheduling. We compile for Java 17, so the factory is looked up
 * reflectively and the strategy reports itself unavailable on JVMs older than 21.
 */
public final class VirtualThreads implements SumStrategy {

    private static final Optional<MethodHandle> FACTORY = lookupFactory();

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public String description() {
        return "new virtual threads for every sum, one slice each (Java 21+)";
    }

    @Override
    public Optional<String> unavailableReason() {
        return FACTORY.isPresent()
                ? Optional.empty()
                : Optional.of("virtual threads need Java 21 or newer; this JVM is "
                        + Runtime.version().feature());
    }

    @Override
    public Session open(int threads) {
        MethodHandle factory = FACTORY.orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        return workload -> {
            ExecutorService executor = newExecutor(factory);
            try {
                List<Future<Total>> futures = new ArrayList<>(threads);
                for (int i = 0; i < threads; i++) {
                    Slices.Slice slice = Slices.of(workload.size(), threads, i);
                    futures.add(executor.submit(() -> workload.sum(slice.from(), slice.to())));
                }
                return Partials.combine(workload, futures);
            } finally {
                executor.shutdown();
                executor.awaitTermination(1, TimeUnit.MINUTES);
            }
        };
    }

    private static ExecutorService newExecutor(MethodHandle factory) {
        try {
            return (ExecutorService) factory.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a virtual-thread executor", e);
        }
    }

    private static Optional<MethodHandle> lookupFactory() {
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty(); // expected on Java 17-20: the strategy reports itself unavailable
        }
    }
}
