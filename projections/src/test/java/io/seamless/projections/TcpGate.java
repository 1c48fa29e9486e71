package io.seamless.projections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bootstrap address in front of the test broker that is down (drops every connection, counting them)
 * until {@link #open()}, then forwards. The in-JVM KRaft broker cannot be started on a chosen port, so this
 * is how a test shows a consumer that outlives an unavailable broker.
 */
public final class TcpGate implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public TcpGate(String target) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = target.substring(0, target.lastIndexOf(':'));
        this.targetPort = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        threads.submit(this::accept);
    }

    public String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    public int dropped() {
        return dropped.get();
    }

    public void open() {
        open.set(true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (open.get()) {
                    forward(client);
                } else {
                    dropped.incrementAndGet();
                    client.close();
                }
            } catch (IOException e) {
                // closed by close(), or one connection failed: the loop condition decides
            }
        }
    }

    private void forward(Socket client) throws IOException {
        Socket upstream = new Socket(targetHost, targetPort);
        threads.submit(() -> pump(client, upstream));
        threads.submit(() -> pump(upstream, client));
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the peer went away; closing both ends below ends the other direction too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
