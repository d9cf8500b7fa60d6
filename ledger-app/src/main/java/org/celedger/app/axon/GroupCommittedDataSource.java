package org.celedger.app.axon;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The embedded store's connections, each of which returns from a commit that changed something only once
 * {@link GroupCommit} has stored it in the file: every user of the event-store database (Axon's event store, the
 * access log, the keys, the API keys) is acknowledged durably without each commit storing its own chunk.
 *
 * <p>A transaction that only read waits for nothing. A statement run in auto-commit mode that may have written
 * (anything but {@code executeQuery}) waits too.
 */
public final class GroupCommittedDataSource implements DataSource, Closeable {

    private static final Set<String> WRITING_EXECUTES = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final HikariDataSource pool;
    private final GroupCommit groupCommit;

    public GroupCommittedDataSource(HikariDataSource pool) throws SQLException {
        this.pool = pool;
        try (Connection c = pool.getConnection()) {
            this.groupCommit = new GroupCommit(session(c).getDatabase().getStore().getMvStore());
        }
    }

    public GroupCommit groupCommit() {
        return groupCommit;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return durable(pool.getConnection(username, password));
    }

    private Connection durable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new DurableConnection(connection));
    }

    private static SessionLocal session(Connection c) throws SQLException {
        return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    }

    /** Waits for the store after a commit that changed something, and after a write in auto-commit mode. */
    private final class DurableConnection implements InvocationHandler {

        private final Connection connection;

        DurableConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit" -> {
                    boolean changed = session(connection).hasPendingTransaction();
                    connection.commit();
                    if (changed) {
                        groupCommit.awaitStored();
                    }
                    return null;
                }
                case "setAutoCommit" -> {
                    // switching auto-commit on commits the open transaction
                    boolean changed = (Boolean) args[0] && !connection.getAutoCommit()
                            && session(connection).hasPendingTransaction();
                    connection.setAutoCommit((Boolean) args[0]);
                    if (changed) {
                        groupCommit.awaitStored();
                    }
                    return null;
                }
                default -> { }
            }
            if (WRAPPER_METHODS.contains(name)) {
                return asWrapper(proxy, connection, method, args);
            }
            Object result = call(connection, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                        new DurableStatement(statement, (Connection) proxy));
            }
            return result;
        }

        /** A statement whose writes in auto-commit mode are acknowledged once stored. */
        private final class DurableStatement implements InvocationHandler {

            private final Statement statement;
            private final Connection owner;

            DurableStatement(Statement statement, Connection owner) {
                this.statement = statement;
                this.owner = owner;
            }

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("getConnection")) {
                    return owner;
                }
                if (WRAPPER_METHODS.contains(method.getName())) {
                    return asWrapper(proxy, statement, method, args);
                }
                Object result = call(statement, method, args);
                if (WRITING_EXECUTES.contains(method.getName()) && connection.getAutoCommit()) {
                    groupCommit.awaitStored();
                }
                return result;
            }
        }
    }

    private static final Set<String> WRAPPER_METHODS = Set.of("unwrap", "isWrapperFor", "equals", "hashCode");

    /** What a proxy answers about itself: it wraps {@code target}, and is equal only to itself. */
    private static Object asWrapper(Object proxy, java.sql.Wrapper target, Method method, Object[] args)
            throws SQLException {
        return switch (method.getName()) {
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
            case "equals" -> proxy == args[0];
            default -> System.identityHashCode(proxy);
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        // the last commits' waiters are served before the pool (and with it H2) closes
        groupCommit.close();
        pool.close();
    }

    public HikariDataSource pool() {
        return pool;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? (T) this : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }
}
