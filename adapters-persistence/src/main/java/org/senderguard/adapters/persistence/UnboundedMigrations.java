package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Schema migrations may run long statements (an ALTER of a big table), which the server's read
 * timeout ({@link DatabaseTimeouts}) would cut halfway: on MariaDB they run on a connection of their
 * own, outside the pool.
 */
@Singleton
@Named(UnboundedMigrations.DATASOURCE)
class UnboundedMigrations implements FlywayConfigurationCustomizer {

    static final String DATASOURCE = "default";

    private final String url;
    private final String user;
    private final String password;

    UnboundedMigrations(@Value("${datasources.default.url}") String url,
                        @Value("${datasources.default.username:}") String user,
                        @Value("${datasources.default.password:}") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String getName() {
        return DATASOURCE;
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        if (DatabaseSettings.isMariaDb(url)) {
            configuration.dataSource(url, user, password);
        }
    }
}
