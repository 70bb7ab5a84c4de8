/**
 * A real single-node Kafka broker (KRaft: broker and controller in one JVM) for this machine, run
 * in a process of its own from mq's class path plus Kafka's broker and Scala jars, which only that
 * process loads (they sit in {@code broker-lib/}, apart from the roles' {@code lib/}).
 *
 * <h2>Use</h2>
 * <pre>
 * mq broker start     # background; prints the bootstrap address, e.g. 127.0.0.1:40123
 * mq broker status    # running or stopped, pid, bootstrap, data directory and its size
 * mq broker stop      # SIGTERM, then SIGKILL after --timeout
 * mq broker           # foreground until Ctrl-C (a terminal or a container)
 * </pre>
 * In code: {@code LocalBroker.in(LocalBroker.defaultDir()).ensureRunning(LocalBroker.DEFAULT_START_TIMEOUT)}
 * returns the bootstrap address, starting the broker only if it is not running yet. Tests use
 * {@code mq.testing.TestBroker.bootstrap()} instead, which gives each test JVM its own broker.
 *
 * <h2>Files</h2>
 * Everything lives in one directory ({@code local/broker}, or {@code --dir}, or {@code $MQ_BROKER_DIR});
 * deleting it (broker stopped) resets the broker. See {@link mq.broker.LocalBroker}; its parts: {@link mq.broker.PortChoice}, {@link mq.broker.DirectoryLock},
 * {@link mq.broker.BrokerLog}, {@link mq.broker.Readiness}, {@link mq.broker.BrokerLaunch}, {@link mq.broker.OwnerWatch}
 * (a test run's broker ends with the test JVM; the launcher's roles use it too) and the logging config
 * {@code broker-log4j2.xml} beside these classes.
 *
 * <h2>Settings</h2>
 * {@link mq.broker.BrokerConfig} holds every non-default setting with its reason: listeners on
 * 127.0.0.1 only, one replica for internal topics, no initial rebalance delay, and a 10 s session
 * timeout for consumer-protocol and share groups so a killed member is noticed in about 10 s.
 *
 * <h2>Share groups</h2>
 * Share groups (KIP-932) are production-ready since Kafka 4.2. Storage formatted by Kafka 4.4 at its
 * default (latest production) metadata version finalizes {@code share.version=2}, so no broker
 * setting, feature flag or unstable API is needed. A new share group starts at the latest offset;
 * set the group config {@code share.auto.offset.reset=earliest} to read what was produced before.
 */
package mq.broker;
