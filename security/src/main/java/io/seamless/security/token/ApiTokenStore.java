package io.seamless.security.token;

import io.seamless.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code api_token} table. */
class ApiTokenStore {

    private static final String COLUMNS =
            "id, name, roles, secret_hash, created_at, created_by, expires_at, revoked_at, revoked_by";

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the name (or, never in practice, the id) is taken */
    void insert(ApiToken token) {
        jdbc.sql("INSERT INTO api_token (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)")
                .params(token.id(), token.name(), rolesColumn(token.roles()), token.secretHash(),
                        utc(token.createdAt()), token.createdBy(), utc(token.expiresAt()))
                .update();
    }

    Optional<ApiToken> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?").param(id)
                .query(ApiTokenStore::token).optional();
    }

    List<ApiToken> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, name")
                .query(ApiTokenStore::token).list();
    }

    /** Marks it revoked unless it already is; true when this call revoked it. */
    boolean revoke(String id, Instant at, String by) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(at), by, id).update() == 1;
    }

    boolean anyEverIssued() {
        return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single() > 0;
    }

    private static ApiToken token(ResultSet row, int rowNumber) throws SQLException {
        return new ApiToken(row.getString("id"), row.getString("name"), roles(row.getString("roles")),
                row.getString("secret_hash"), instant(row, "created_at"), row.getString("created_by"),
                instant(row, "expires_at"), instant(row, "revoked_at"), row.getString("revoked_by"));
    }

    private static String rolesColumn(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String column) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        // A role this version does not know (written by a newer one) grants nothing here.
        Arrays.stream(column.split(",")).map(Role::fromWireName).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
