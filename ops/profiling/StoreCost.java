import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * What one store of H2's file costs, apart from everything else the ledger does: on a copy of a stopped ledger's
 * event store, appends {@code n} events (a copy of a stored one, each to a random practitioner at its next
 * sequence), one store each as the group commit runs it alone (the store on the calling thread, the same URL
 * settings), and prints each store's CPU and bytes written, the chunks and the file's size before and after.
 * In the ledger a store also waits for cores, shares them with the requests and the projection, and pays for
 * the collector; the difference between the two is what the rest of the ledger adds.
 *
 * <pre>cp DATA/events.mv.db /tmp/copy.mv.db
 * java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar ops/profiling/StoreCost.java /tmp/copy 5000</pre>
 */
public class StoreCost {

    public static void main(String[] args) throws Exception {
        String path = args[0];
        int n = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + path
                + ";WRITE_DELAY=1000;AUTO_COMPACT_FILL_RATE=0;DB_CLOSE_ON_EXIT=FALSE", "ledger", "")) {
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                    .getMvStore();
            storeOnTheCallingThread(store);
            List<String> practitioners = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select distinct aggregateIdentifier from DomainEventEntry")) {
                while (rs.next()) {
                    practitioners.add(rs.getString(1));
                }
            }
            List<String> columns = new ArrayList<>();
            List<Object> template = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select * from DomainEventEntry order by globalIndex limit 1 offset "
                    + practitioners.size())) {
                ResultSetMetaData md = rs.getMetaData();
                rs.next();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (!md.getColumnName(i).equals("GLOBALINDEX")) {
                        columns.add(md.getColumnName(i));
                        template.add(rs.getObject(i));
                    }
                }
            }
            long chunksBefore = chunks(store);
            long fileBefore = store.getFileStore().size();
            PreparedStatement insert = c.prepareStatement("insert into DomainEventEntry (" + String.join(",", columns)
                    + ") values (" + "?,".repeat(columns.size() - 1) + "?)");
            PreparedStatement next = c.prepareStatement(
                    "select max(sequenceNumber) + 1 from DomainEventEntry where aggregateIdentifier = ?");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Random random = new Random(7);
            long[] cpu = new long[n];
            long[] bytes = new long[n];
            for (int i = 0; i < n; i++) {
                String practitioner = practitioners.get(random.nextInt(practitioners.size()));
                next.setString(1, practitioner);
                long sequence;
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                }
                for (int k = 0; k < columns.size(); k++) {
                    Object value = switch (columns.get(k)) {
                        case "AGGREGATEIDENTIFIER" -> practitioner;
                        case "SEQUENCENUMBER" -> sequence;
                        case "EVENTIDENTIFIER" -> UUID.randomUUID().toString();
                        default -> template.get(k);
                    };
                    insert.setObject(k + 1, value);
                }
                insert.executeUpdate(); // autocommit: changes the maps in memory; the store below writes them
                long written = writeBytes(store);
                long cpuStart = threads.getCurrentThreadCpuTime();
                store.commit();
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                bytes[i] = writeBytes(store) - written;
            }
            Arrays.sort(cpu);
            Arrays.sort(bytes);
            System.out.printf("%,d stores of one event each: CPU p50 %.2f ms, p90 %.2f, p99 %.2f, mean %.2f; written p50 %,d"
                            + " bytes, p90 %,d; chunks %,d -> %,d; file %,d MB -> %,d MB (%,d bytes a store);"
                            + " chunks' fill rate %d %%%n",
                    n, cpu[n / 2] / 1e6, cpu[n * 9 / 10] / 1e6, cpu[n * 99 / 100] / 1e6,
                    Arrays.stream(cpu).average().orElse(0) / 1e6, bytes[n / 2], bytes[n * 9 / 10], chunksBefore,
                    chunks(store), fileBefore >> 20, store.getFileStore().size() >> 20,
                    (store.getFileStore().size() - fileBefore) / n, store.getFileStore().getChunksFillRate());
        }
    }

    /**
     * As the ledger's GroupCommit does (a copy: this program runs with H2 alone on its classpath, and the ledger's
     * class needs the application's): H2 runs the store on the thread that commits, not on its two threads.
     */
    private static void storeOnTheCallingThread(MVStore store) throws ReflectiveOperationException {
        for (String name : new String[] {"serializationExecutor", "bufferSaveExecutor"}) {
            Field field = FileStore.class.getDeclaredField(name);
            field.setAccessible(true);
            ThreadPoolExecutor executor = (ThreadPoolExecutor) field.get(store.getFileStore());
            field.set(store.getFileStore(), null);
            if (executor != null) {
                executor.shutdown();
            }
        }
    }

    /** H2 counts the bytes it wrote but keeps the count to itself; looked up once, outside the stores timed. */
    private static final Method WRITE_BYTES = writeBytesMethod();

    private static Method writeBytesMethod() {
        try {
            Method method = FileStore.class.getDeclaredMethod("getWriteBytes");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("H2 " + org.h2.engine.Constants.FULL_VERSION
                    + " has no FileStore.getWriteBytes; this program reads H2 2.3.232", e);
        }
    }

    private static long writeBytes(MVStore store) throws ReflectiveOperationException {
        return (Long) WRITE_BYTES.invoke(store.getFileStore());
    }

    private static long chunks(MVStore store) {
        return store.getLayoutMap().keySet().stream().filter(k -> k.startsWith("chunk.")).count();
    }
}
