package org.senderguard.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TenantRowRepository extends CrudRepository<TenantRow, String> {

    Optional<TenantRow> findByName(String name);

    /** Locks the tenant's row until the transaction ends, so that concurrent updates take turns. */
    Optional<TenantRow> findByNameForUpdate(String name);

    List<TenantRow> listOrderByName();
}
