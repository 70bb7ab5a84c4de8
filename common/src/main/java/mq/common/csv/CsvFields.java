package mq.common.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads CSV records into their fields with Jackson's CSV parser (RFC 4180 quoting), one record's
 * text at a time: the header row in the producer, every record in the worker.
 */
public final class CsvFields {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final ObjectReader reader;

    public CsvFields(char delimiter) {
        this.reader = MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutEscapeChar());
    }

    /** The fields of one record's text (without its line break); throws {@link IOException} if it is not valid CSV. */
    public String[] read(String record) throws IOException {
        try (MappingIterator<String[]> rows = reader.readValues(record)) {
            return rows.hasNextValue() ? rows.nextValue() : new String[] {""};
        }
    }

    /** The column names of a header row; a blank or repeated name is an error, because records are keyed by name. */
    public List<String> header(String row) throws IOException {
        String[] names = read(row);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("the header row has a column without a name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("the header row names column '" + name + "' twice");
            }
        }
        return List.of(names);
    }
}
