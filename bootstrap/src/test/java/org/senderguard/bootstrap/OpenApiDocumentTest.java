package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The served OpenAPI document against the application's routes: every API route is documented,
 * and every documented operation is a route, so an endpoint added without its document fails here.
 */
class OpenApiDocumentTest {

    /** A URI template variable, with any RFC 6570 operator or pattern: {@code {+address}}, {@code {id:\d+}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\{[+#./;?&]?(\\w+)[^}]*}");

    @Test
    void theServedDocumentListsExactlyTheApiRoutes() {
        Http.Response served = Http.get("/openapi/senderguard.yml", null);
        assertThat(served.status()).isEqualTo(200);

        assertThat(documented(served.body())).isEqualTo(routed()).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented(String document) {
        Map<String, Map<String, Object>> paths =
                (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(document).get("paths");
        return paths.entrySet().stream()
                .flatMap(path -> path.getValue().keySet().stream().map(method -> method.toUpperCase() + " " + path.getKey()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Without the HEAD route Micronaut adds to each GET, which the document does not list, nor the tests' own probe. */
    private static Set<String> routed() {
        return TestApplication.context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethodName() + " "
                        + VARIABLE.matcher(route.getUriMatchTemplate().toString()).replaceAll("{$1}"))
                .filter(route -> route.contains(" /api/") && !route.contains(" /api/test-probe"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
