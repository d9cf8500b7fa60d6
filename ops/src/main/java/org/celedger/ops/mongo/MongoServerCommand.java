package org.celedger.ops.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.celedger.ops.cli.Args;

/**
 * {@code mongo-server}: the MongoDB-wire server the ledger embeds (mongo-java-server, memory backend), run
 * standalone so that several ledger processes on one machine share one read store and token store. Runs
 * until killed; everything it holds is lost then (the ledgers rebuild their read models from the events).
 */
public final class MongoServerCommand {

    private MongoServerCommand() {
    }

    public static int run(Args args) throws InterruptedException {
        String host = args.string("host", "127.0.0.1");
        int port = args.integer("port", 27017);
        args.done();
        MongoServer server = start(host, port);
        InetSocketAddress address = server.getLocalAddress();
        // The line a parent process waits for.
        System.out.println("mongo-server listening on " + address.getHostString() + ":" + address.getPort());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-server-stop"));
        stopped.await();
        return 0;
    }

    public static MongoServer start(String host, int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(host, port);
        return server;
    }
}
