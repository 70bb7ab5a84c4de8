package mq.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/** Picks the broker's ports on one listen address: the one asked for, else the previous one if free, else any free one. */
final class PortChoice {
    private final String listenHost;

    PortChoice(String listenHost) {
        this.listenHost = listenHost;
    }

    /**
     * @param requested a port asked for (0: any)
     * @param previous  the port the data was created with, kept so clients configured earlier still reach it
     * @param what      the port's role, for the error message
     */
    int pick(int requested, Optional<Integer> previous, String what) throws IOException {
        if (requested != 0) {
            if (!isFree(requested)) {
                throw new BrokerException("the " + what + " port " + requested + " on " + listenHost
                        + " is taken by another process; choose another port or stop that process");
            }
            return requested;
        }
        if (previous.isPresent() && isFree(previous.get())) {
            return previous.get();
        }
        return freePort();
    }

    /** A free port other than {@code taken}. */
    int freePortOtherThan(int taken) throws IOException {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    private boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(listenHost, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(listenHost, 0));
            return socket.getLocalPort();
        }
    }
}
