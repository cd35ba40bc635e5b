import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The two load cases of issue 16, against a running service on loopback (bench/hardening.sh
 * starts it). Run with the JDK's source launcher: {@code java bench/HardeningLoad.java MODE ...}.
 *
 * <pre>
 *   bodies HOST:PORT CLIENTS SECONDS INFLATED_BYTES
 *       CLIENTS threads POST, back to back for SECONDS, a small gzip'd HTML body that inflates to
 *       INFLATED_BYTES; prints the count of every status and of failed connections.
 *   slow HOST:PORT MGMT_PORT CLIENTS SECONDS
 *       CLIENTS connections each send a 30-byte body at one byte a second; meanwhile, once a
 *       second, GET /q/health/ready on MGMT_PORT and POST an ordinary clean; prints the worst and
 *       median latency of each.
 * </pre>
 */
public class HardeningLoad {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "bodies" -> bodies(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "slow" -> slow(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static byte[] gzippedPage(int inflated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] paragraph = "<p>The council met on Tuesday and approved the budget for the coming year, seven votes to two.</p>\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] head = "<html><body><article>".getBytes(StandardCharsets.US_ASCII);
            gz.write(head);
            int written = head.length;
            while (written + paragraph.length <= inflated) {
                gz.write(paragraph);
                written += paragraph.length;
            }
        }
        return out.toByteArray();
    }

    static void bodies(String hostPort, int clients, int seconds, int inflated) throws Exception {
        byte[] body = gzippedPage(inflated);
        System.out.printf("bodies: %d clients, %d s, a %d-byte gzip body inflating to %d bytes%n", clients, seconds, body.length, inflated);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://" + hostPort + "/v1/clean");
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String key;
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "text/html").header("Content-Encoding", "gzip")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                        key = Integer.toString(r.statusCode());
                    } catch (IOException e) {
                        key = "io-error";
                    } catch (InterruptedException e) {
                        return;
                    }
                    statuses.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("RESULT statuses " + new TreeMap<>(statuses));
    }

    static void slow(String hostPort, int managementPort, int clients, int seconds) throws Exception {
        String host = hostPort.substring(0, hostPort.indexOf(':'));
        int port = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
        List<Socket> sockets = new ArrayList<>();
        byte[] head = ("POST /v1/clean HTTP/1.1\r\nHost: " + hostPort + "\r\nContent-Type: text/plain\r\nContent-Length: 30\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < clients; i++) {
            Socket s = new Socket(host, port);
            s.getOutputStream().write(head);
            sockets.add(s);
        }
        System.out.printf("slow: %d connections sending 30 bytes at 1 byte/s for %d s%n", clients, seconds);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> health = new ArrayList<>();
        List<Long> clean = new ArrayList<>();
        int healthFailures = 0;
        int cleanFailures = 0;
        for (int second = 0; second < seconds; second++) {
            long tick = System.nanoTime();
            for (Socket s : sockets) {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    // answered (the 30 bytes are in) or dropped: nothing more to send
                }
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    healthFailures++;
                }
            } catch (IOException e) {
                healthFailures++;
            }
            health.add((System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + hostPort + "/v1/clean"))
                        .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("An ordinary line of text, cleaned while the slow clients send.")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    cleanFailures++;
                }
            } catch (IOException e) {
                cleanFailures++;
            }
            clean.add((System.nanoTime() - start) / 1_000_000);
            long sleep = 1000 - (System.nanoTime() - tick) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        int answered = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(2000);
            try (InputStream in = s.getInputStream()) {
                byte[] status = in.readNBytes(12);
                if (new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ")) {
                    answered++;
                }
            } catch (IOException e) {
                // no answer within the timeout
            }
            s.close();
        }
        System.out.printf("RESULT health_ms max=%d median=%d failures=%d; clean_ms max=%d median=%d failures=%d; slow clients answered %d of %d%n",
                max(health), median(health), healthFailures, max(clean), median(clean), cleanFailures, answered, clients);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }
}
