package dev.winnow.http;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection driven byte by byte: what a slow, stalling or lying client sends,
 * which no HTTP client library would. The answer is read until the server closes or
 * {@code Content-Length} bytes of body have come.
 */
final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawSocket(int readTimeoutMillis) {
        try {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(readTimeoutMillis);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request line and headers of a POST, with the blank line after them. */
    static byte[] head(String path, String contentType, String... headers) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the bytes; false when the server has closed the connection meanwhile. */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer's status line, headers and body as text; null when none came before the read timeout. */
    String answer() {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return answer.size() == 0 ? null : answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // reset: whatever came before it is the answer
        }
        return answer.size() == 0 ? null : answer.toString(StandardCharsets.UTF_8);
    }

    static int status(String answer) {
        return answer == null ? -1 : Integer.parseInt(answer.substring(9, 12));
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = answer.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
        return answer.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
