package org.celedger.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the event-store tests (and, through this module's test jar, the ops
 * module's integration tests): {@code LEDGER_TEST_POSTGRES_URL} if given
 * (user and password in {@code LEDGER_TEST_POSTGRES_USER}/{@code _PASSWORD}), otherwise a throwaway
 * cluster started from the machine's PostgreSQL binaries and stopped when the JVM ends. Missing
 * binaries are a failure with instructions, never a silent skip.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    public final String url;
    public final String user;
    public final String password;
    /**
     * The personal-data key file of every ledger node on this server: a store is sealed under one key file, and a
     * node given another refuses to start (PersonalDataKeys).
     */
    public final String keyFile = java.nio.file.Path.of("target/test-data/postgres-personal-data.key")
            .toAbsolutePath().toString();

    private PostgresServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            String given = System.getenv("LEDGER_TEST_POSTGRES_URL");
            instance = given != null && !given.isBlank()
                    ? new PostgresServer(given, System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "postgres"),
                    System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", ""))
                    : startThrowawayCluster();
        }
        return instance;
    }

    private static PostgresServer startThrowawayCluster() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "The event-store tests need a real PostgreSQL server, and no PostgreSQL binaries (initdb, pg_ctl) "
                        + "were found. Install Debian's package (apt-get install -y postgresql), as .ci/run does, "
                        + "or point LEDGER_TEST_POSTGRES_URL at a server."));
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("ledger-pg-");
            Path data = dir.resolve("data");
            if (root) {
                // PostgreSQL refuses to run as root: the cluster belongs to the postgres user Debian's package made.
                run(List.of("chown", "-R", "postgres", dir.toString()), false);
            }
            int port = freePort();
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--no-locale"), root);
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=on", "-w", "-t", "60",
                    "start"), root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                            "stop"), root);
                } catch (Exception ignored) {
                    // the JVM is ending; the temp cluster is left for the OS to clean
                }
            }));
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("could not start a throwaway PostgreSQL cluster", e);
        }
    }

    private static Optional<Path> binaries() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir);
            if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new, empty database on this server (the server may be shared), as a JDBC URL. */
    public String freshDatabase(String prefix) throws java.sql.SQLException {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
