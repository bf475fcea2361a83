// The embedded default: Neo4j Community 5.26 started in-process with Bolt on loopback.
//
// Run as a single-file program against the jars that `mvn dependency:copy-dependencies`
// put in neo4j/lib (scripts/fetch-neo4j.js does that on `npm install`):
//
//   java -Xmx1g --add-opens=... -cp 'neo4j/lib/*' neo4j/Launcher.java \
//        --data .neo4j-data/main --port 7687 --pagecache 512m
//
// Contract with src/neo4j/embedded.ts, which spawns it:
//   - prints exactly one line starting with "claimgraph-neo4j ready " once Bolt answers;
//   - prints one line starting with "claimgraph-neo4j error " and exits 2 when it cannot start
//     (a port in use, a locked store), instead of a stack trace;
//   - shuts Neo4j down cleanly on SIGINT/SIGTERM (JVM shutdown hook) and when the process that
//     started it dies (polled), so a killed `npm start` never leaves an orphan holding the store.

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Launcher {
    private static final String PREFIX = "claimgraph-neo4j ";

    public static void main(String[] argv) {
        Map<String, String> args = parse(argv);
        Path data = Path.of(args.getOrDefault("data", ".neo4j-data/main")).toAbsolutePath();
        String host = args.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(args.getOrDefault("port", "7687"));
        long pagecache = parseBytes(args.getOrDefault("pagecache", "512m"));
        Duration txTimeout = Duration.ofSeconds(Long.parseLong(args.getOrDefault("tx-timeout-seconds", "60")));
        boolean watchParent = Boolean.parseBoolean(args.getOrDefault("watch-parent", "true"));

        // Fail with one readable line before Neo4j spends seconds starting, if the port is taken.
        if (!portFree(host, port)) {
            fail("port " + host + ":" + port + " is already in use; set NEO4J_BOLT_PORT to a free port"
                    + " or stop the process holding it");
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(data);
            dbms = new DatabaseManagementServiceBuilder(data)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    // Never the defaults that size themselves to the machine (about half of RAM).
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                    // Each of these costs 256 MiB of disk per database by default.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L * 1024 * 1024)
                    // A backstop: a runaway query is stopped by the server even if a client forgets.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.debug_log_enabled, false)
                    // Bolt's default waits let a stop take ~10 s even with no client connected.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable t) {
            fail("could not start Neo4j with its store in " + data + ": " + rootMessage(t)
                    + " (is another claimgraph Neo4j using this data folder?)");
            return;
        }

        final DatabaseManagementService service = dbms;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(PREFIX + "stopping");
            service.shutdown();
            System.out.println(PREFIX + "stopped");
        }, "claimgraph-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database("neo4j");
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            fail("database 'neo4j' did not become available within 2 minutes");
        }
        // Bolt binds during build(); a failed bind shows up here as a closed port.
        if (portFree(host, port)) {
            fail("Bolt did not bind " + host + ":" + port);
        }
        System.out.println(PREFIX + "ready bolt://" + host + ":" + port + " data=" + data);
        System.out.flush();

        if (watchParent) {
            Optional<ProcessHandle> parent = ProcessHandle.current().parent();
            Thread watcher = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (parent.isEmpty() || !parent.get().isAlive()) {
                        System.out.println(PREFIX + "parent process is gone");
                        System.exit(0); // runs the shutdown hook
                    }
                }
            }, "claimgraph-neo4j-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        // The Bolt server threads keep the JVM alive until a signal or the watcher ends it.
    }

    private static boolean portFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return true;
        } catch (BindException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fail(String message) {
        System.out.println(PREFIX + "error " + message);
        System.out.flush();
        Runtime.getRuntime().halt(2);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        if (v.endsWith("k")) { mult = 1024L; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("m")) { mult = 1024L * 1024; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("g")) { mult = 1024L * 1024 * 1024; v = v.substring(0, v.length() - 1); }
        return Long.parseLong(v) * mult;
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].startsWith("--") && i + 1 < argv.length) {
                out.put(argv[i].substring(2), argv[++i]);
            }
        }
        return out;
    }
}
