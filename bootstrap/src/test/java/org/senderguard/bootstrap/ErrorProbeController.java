package org.senderguard.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * A test-only endpoint that exercises the error paths every real endpoint shares: role checks,
 * JSON bodies, content types, size limits and unexpected failures.
 */
@Controller("/api/test-probe")
@Secured("GLOBAL_ADMIN")
class ErrorProbeController {

    @Serdeable
    record ProbeBody(String name, int count, @Nullable Instant at, @JsonProperty("flag") @Nullable Boolean renamed) {
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    Map<String, Object> echo(@Body ProbeBody body) {
        return Map.of("name", body.name(), "count", body.count());
    }

    @Get("/failure")
    String failure() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
