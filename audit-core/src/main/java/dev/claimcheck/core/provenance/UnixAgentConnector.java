package dev.claimcheck.core.provenance;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;

/**
 * JGit's agent {@code Connector} over the JDK's own Unix domain sockets (Java 16+), so talking to ssh-agent needs no
 * native library: one length-prefixed request and reply per {@link #rpc} (the agent protocol's framing).
 */
final class UnixAgentConnector extends AbstractConnector {
    private final Path socket;
    private SocketChannel channel;

    UnixAgentConnector(Path socket) {
        this.socket = socket;
    }

    @Override
    public synchronized boolean connect() throws IOException {
        if (channel == null) {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                channel = null;
                throw new IOException("cannot reach ssh-agent at " + socket + ": " + e.getMessage(), e);
            }
        }
        return true;
    }

    @Override
    public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
        connect();
        prepareMessage(command, message); // fills the reserved first 5 bytes: length and command
        ByteBuffer out = ByteBuffer.wrap(message);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        byte[] length = read(4);
        return read(toLength(command, length));
    }

    private byte[] read(int n) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(n);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
        return in.array();
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
