package mq.testing;

/** A broker that runs already (a compose service, a shared dev broker); tests only connect to it. */
public final class ExternalKafkaFixture implements KafkaFixture {

    private final String bootstrap;

    public ExternalKafkaFixture(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public String description() {
        return "an external broker at " + bootstrap;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
