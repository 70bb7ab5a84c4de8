/**
 * Schema-driven mock records in the spirit of Mockaroo: reads Mockaroo's own field
 * specifications, draws values from pools that Datafaker fills once per seed, and writes JSON,
 * JSON Lines or CSV, streaming. On top of Mockaroo, what this project's jobs need: a key with
 * several versions per key, and a version timestamp whose versions arrive out of order with a
 * share of ties. Free of the command line: the {@code generate} commands only wire options to it.
 */
package mq.generate.schema;
