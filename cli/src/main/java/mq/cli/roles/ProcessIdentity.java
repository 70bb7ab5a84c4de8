package mq.cli.roles;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names a process in reports: its host (the container id under Compose) and its pid. */
public final class ProcessIdentity {
    private ProcessIdentity() {
    }

    public static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "host");
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
