package org.senderguard.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One case of the hostile-input corpus ({@code hostile/corpus.jsonl}, whose header says what the fields mean). */
record HostileCase(String id, Map<String, Object> fields) {

    private static final Pattern REPEAT = Pattern.compile("\\{([^{}*]{1,20})\\*(\\d{1,6})}");
    private static final Pattern REPEAT_LIST = Pattern.compile("\\{repeat (\\d{1,6})}");

    /** Every case of the corpus, as written. */
    @SuppressWarnings("unchecked")
    static List<HostileCase> corpus() {
        List<HostileCase> cases = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                HostileCase.class.getResourceAsStream("/hostile/corpus.jsonl")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Map<String, Object> fields = TestApplication.json().readValue(line, Map.class);
                    cases.add(new HostileCase((String) fields.get("id"), fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    String area() {
        return string("area");
    }

    String expect() {
        return string("expect");
    }

    String string(String name) {
        return (String) fields.get(name);
    }

    Object get(String name) {
        return fields.get(name);
    }

    /** A copy whose texts have their placeholders replaced and their repeats expanded. */
    HostileCase resolved(UnaryOperator<String> placeholders) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) resolve(fields, placeholders);
        return new HostileCase(id, copy);
    }

    @Override
    public String toString() {
        return id;
    }

    private static Object resolve(Object value, UnaryOperator<String> placeholders) {
        if (value instanceof String text) {
            Matcher repeat = REPEAT.matcher(text);
            StringBuilder out = new StringBuilder();
            while (repeat.find()) {
                repeat.appendReplacement(out, Matcher.quoteReplacement(
                        repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
            }
            return placeholders.apply(repeat.appendTail(out).toString());
        }
        if (value instanceof List<?> list) {
            Matcher repeat = list.size() == 2 && list.get(0) instanceof String first
                    ? REPEAT_LIST.matcher(first) : null;
            if (repeat != null && repeat.matches()) {
                return Collections.nCopies(Integer.parseInt(repeat.group(1)), resolve(list.get(1), placeholders));
            }
            return list.stream().map(element -> resolve(element, placeholders)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, resolve(element, placeholders)));
            return copy;
        }
        return value;
    }
}
