package mq.common.protocol;

import java.util.regex.Pattern;

/**
 * The one grammar of job ids, which the producer, the aggregator and the HTTP server all enforce:
 * 1 to 200 characters, letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
 * or digit. Ids become folder names and the first part of chunk keys ({@code <job>/<chunk>}), so
 * no id can contain a path separator, be {@code .} or {@code ..}, or be empty.
 */
public final class JobId {
    public static final int MAX_LENGTH = 200;
    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private JobId() {
    }

    public static boolean isValid(String id) {
        return id != null && GRAMMAR.matcher(id).matches();
    }

    /** Returns the id, or throws {@link MalformedMessageException} saying what is wrong with it. */
    public static String check(String id) {
        if (id == null) {
            throw new MalformedMessageException("no job id");
        }
        if (!isValid(id)) {
            throw new MalformedMessageException("job id " + Terminal.quote(id) + " is not 1 to " + MAX_LENGTH
                    + " letters, digits, '.', '_' or '-' starting with a letter or digit");
        }
        return id;
    }
}
