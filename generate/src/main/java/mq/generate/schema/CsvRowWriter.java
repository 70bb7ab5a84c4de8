package mq.generate.schema;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as CSV the way Mockaroo downloads it: a header row of the field names, then one
 * record per line, {@code \n} line ends, a value quoted (quotes doubled) only when it holds a
 * comma, a quote or a line break, and a blank written as an empty field. Jackson's CSV
 * generator does the quoting.
 */
final class CsvRowWriter implements RowWriter {
    // Quote only what must be quoted, as Mockaroo does; the default also quotes values with spaces and more.
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final SequenceWriter rows;
    private final String[] values;

    CsvRowWriter(Writer out, List<String> names) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        names.forEach(schema::addColumn);
        // Without this, every row flushes the file: a system call per record, ten times slower.
        this.rows = CSV.writerFor(String[].class).with(schema.build())
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out);
        this.values = new String[names.size()];
    }

    @Override
    public void write(Cell[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            values[i] = cells[i].text; // null for a blank: an empty field
        }
        rows.write(values);
    }

    @Override
    public void close() throws IOException {
        rows.flush();
    }
}
