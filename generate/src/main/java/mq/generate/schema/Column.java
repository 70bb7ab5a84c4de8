package mq.generate.schema;

/** Makes the value of one field for a row. */
@FunctionalInterface
interface Column {
    void fill(Row row, Cell cell);
}
