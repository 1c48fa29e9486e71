package io.seamless.projections.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where one projection's tables are: the application's DataSource, with every connection set to the schema of
 * the projection's current generation. Generation 0 lives in the connection's default schema (no statement is
 * added); a rebuild fills a fresh schema and then {@linkplain #switchTo switches} the projection to it, so that
 * queries and the projection's writes move over at once, with no table renamed under a running query. The
 * connection pool resets the schema when a connection is handed back.
 */
public final class ProjectionStorage extends DelegatingDataSource {

    private volatile String schema;

    /** @param schema the schema of the projection's tables, or {@code null} for the default one */
    public ProjectionStorage(DataSource target, String schema) {
        super(target);
        this.schema = schema;
    }

    /** The schema of the current generation, {@code null} for the connection's default one. */
    public String schema() {
        return schema;
    }

    /** From now on, connections handed out use this schema; connections already out keep theirs. */
    public void switchTo(String newSchema) {
        this.schema = newSchema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bound(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bound(super.getConnection(username, password));
    }

    /**
     * The connection in the generation's schema, put back in its own schema when closed: a pool does not reset a
     * schema it was not configured with, and the next borrower (another role's query) must not find ours.
     */
    private Connection bound(Connection connection) throws SQLException {
        String current = schema;
        if (current == null) {
            return connection;
        }
        try {
            String original = connection.getSchema();
            connection.setSchema(current);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new RestoringSchema(connection, original));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private record RestoringSchema(Connection target, String original) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && !target.isClosed()) {
                try {
                    target.setSchema(original);
                } finally {
                    target.close();
                }
                return null;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
