package mq.aggregator.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes each records job's {@link LatestState}: spilling past one heap budget shared by all jobs in
 * flight, into stores under a spill folder, or (budget {@code off}) all on the heap. Used from the
 * aggregator's one thread; {@link #close} deletes the process's spill folder.
 */
public final class LatestStates implements AutoCloseable {
    /** The default budget's share of the maximum heap. */
    public static final int DEFAULT_HEAP_SHARE_PERCENT = 25;
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)");

    private final HeapBudget budget;
    /** Made at once, so that stores left by a killed aggregator are deleted when the next one starts. */
    private final SpillDirectory directory;

    private LatestStates(HeapBudget budget, SpillDirectory directory) {
        this.budget = budget;
        this.directory = directory;
    }

    /** Every job's state on the heap, whatever its size. */
    public static LatestStates inHeap() {
        return new LatestStates(null, null);
    }

    /** States that spill to {@code spillRoot} past {@code heapBudgetBytes} (estimated, shared by all jobs). */
    public static LatestStates spilling(long heapBudgetBytes, Path spillRoot) {
        return new LatestStates(new HeapBudget(heapBudgetBytes), new SpillDirectory(spillRoot));
    }

    /** From the budget option ({@link #heapBudget}): spilling past it, or all on the heap. */
    public static LatestStates of(String heapBudget, Path spillRoot, long maxHeapBytes) {
        OptionalLong bytes = heapBudget(heapBudget, maxHeapBytes);
        return bytes.isPresent() ? spilling(bytes.getAsLong(), spillRoot) : inHeap();
    }

    /**
     * The budget option read: {@code off} (empty: all on the heap), {@code auto} (a quarter of
     * {@code maxHeapBytes}), or a size in bytes with an optional {@code k}, {@code m} or {@code g}.
     */
    public static OptionalLong heapBudget(String option, long maxHeapBytes) {
        String text = option.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "off" -> OptionalLong.empty();
            case "auto" -> OptionalLong.of(maxHeapBytes * DEFAULT_HEAP_SHARE_PERCENT / 100);
            default -> OptionalLong.of(parseSize(text));
        };
    }

    private static long parseSize(String text) {
        Matcher size = SIZE.matcher(text);
        if (!size.matches()) {
            throw new IllegalArgumentException("the state's heap budget must be off, auto or a size such as 64m, 1g or "
                    + "1048576; was '" + text + "'");
        }
        int shift = switch (size.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long number = Long.parseLong(size.group(1));
        if (number > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("the state's heap budget is too large: " + text);
        }
        return number << shift;
    }

    public LatestState open(String job) {
        if (budget == null) {
            return new HeapLatestState();
        }
        return new SpillingLatestState(budget, directory.forJob(job));
    }

    /** How it is set up, for the aggregator's first log line. */
    public String describe() {
        return budget == null ? "latest records on the heap, never spilled"
                : "latest records spill to " + directory.root() + " past "
                + budget.limitBytes() / (1 << 20) + " MiB of heap";
    }

    @Override
    public void close() {
        if (directory != null) {
            directory.delete();
        }
    }
}
