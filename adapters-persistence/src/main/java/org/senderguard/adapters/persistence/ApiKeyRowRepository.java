package org.senderguard.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiKeyRowRepository extends CrudRepository<ApiKeyRow, String> {

    List<ApiKeyRow> findByTenantIdOrderByCreatedAt(String tenantId);
}
