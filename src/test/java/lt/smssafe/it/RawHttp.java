package lt.smssafe.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** HTTP written byte by byte, as a hostile client sends it: Java's URI would refuse {@code %ZZ} before it left. */
public final class RawHttp {
    private RawHttp() {
    }

    /** A connection to the first of the host's addresses that answers (localhost may be ::1 and 127.0.0.1). */
    private static Socket connect(URI server) throws IOException {
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(server.getHost())) {
            try {
                return new Socket(address, server.getPort());
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * A GET of {@code pathAndQuery} exactly as given, with BASIC credentials ({@code user:password}) when not null.
     * Returns the whole answer, status line to body, the body without chunk sizes.
     */
    public static String get(URI server, String pathAndQuery, String credentials) throws IOException {
        try (Socket socket = connect(server)) {
            socket.setSoTimeout(30_000);
            String authorization = credentials == null ? "" : "Authorization: Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n";
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
                    + server.getPort() + "\r\n" + authorization + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, end + 4);
            String body = answer.substring(end + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = body.replaceAll("(?m)^[0-9a-fA-F]+\r\n", "").replace("\r\n", "");
            }
            return head + body.strip();
        }
    }
}
