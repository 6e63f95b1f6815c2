package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Schema migrations on MariaDB. They may run long statements (an ALTER of a big table), which the
 * server's read timeout ({@link DatabaseTimeouts}) would cut halfway, so they run on a connection of
 * their own, outside the pool. They also include MariaDB's own migrations ({@link #LOCATION}),
 * for what the embedded database does without (the partitions of remembered decisions).
 */
@Singleton
@Named(MariaDbMigrations.DATASOURCE)
class MariaDbMigrations implements FlywayConfigurationCustomizer {

    static final String DATASOURCE = "default";
    static final String LOCATION = "classpath:db/mariadb";

    private final String url;
    private final String user;
    private final String password;

    MariaDbMigrations(@Value("${datasources.default.url}") String url,
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
            configuration.locations(Stream.concat(Arrays.stream(configuration.getLocations()),
                    Stream.of(new Location(LOCATION))).toArray(Location[]::new));
        }
    }
}
