package org.celedger.ops.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.celedger.ops.OpsException;

/**
 * The packaged ledger ({@code ledger-app/target/ledger-app.jar}) as a child JVM on a loopback port, with
 * {@code LEDGER_ADMIN_KEY} set, its output in a log file. It is a repackaged Spring Boot jar, so it is
 * started, not linked.
 */
public final class LedgerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final String adminKey;

    private LedgerProcess(Process process, int port, Path log, String adminKey) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.adminKey = adminKey;
    }

    /** How to start one. {@code args} are the ledger's own ({@code --name=value}), {@code jvm} the JVM's. */
    public record Spec(Path jar, Path dataDir, String adminKey, List<String> jvm, List<String> args, Path log) {
    }

    public static LedgerProcess start(Spec spec) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new OpsException("no ledger jar at " + spec.jar().toAbsolutePath()
                    + ": build it with mvn -B -q package -DskipTests -pl ledger-app -am");
        }
        if (spec.adminKey() == null || spec.adminKey().length() < 16) {
            // the ledger would refuse to start with it; said here at once rather than after a wait for readiness
            throw new OpsException("LEDGER_ADMIN_KEY must be at least 16 characters long; the ledger does not start "
                    + "with a shorter one");
        }
        try {
            int port = freePort();
            Files.createDirectories(spec.dataDir());
            Files.createDirectories(spec.log().toAbsolutePath().getParent());
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(spec.jvm());
            command.add("-Daxoniq.update-checker.disabled=true");
            command.add("-jar");
            command.add(spec.jar().toAbsolutePath().toString());
            command.add("--server.port=" + port);
            command.add("--server.address=127.0.0.1");
            command.add("--ledger.data-dir=" + spec.dataDir().toAbsolutePath());
            command.addAll(spec.args());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
            pb.environment().put("LEDGER_ADMIN_KEY", spec.adminKey());
            Process process = pb.start();
            // never leave a ledger behind when this JVM is stopped (Ctrl-C, SIGTERM)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (process.isAlive()) {
                    process.destroy();
                }
            }, "stop-ledger-" + process.pid()));
            return new LedgerProcess(process, port, spec.log(), spec.adminKey());
        } catch (IOException e) {
            throw new OpsException("could not start the ledger: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public LedgerClient client() {
        return new LedgerClient(url(), adminKey);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until readiness is UP (every projection caught up); fails early if the process dies. */
    public Duration awaitReady(Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        LedgerClient client = client();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new OpsException("the ledger exited with status " + process.exitValue() + "; see " + log);
            }
            if (client.ready()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            sleep(100);
        }
        throw new OpsException("the ledger was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** SIGTERM (a graceful shutdown), then SIGKILL after 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted", e);
        }
    }
}
