package org.senderguard.adapters.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.codec.CodecException;
import io.micronaut.serde.config.annotation.SerdeConfig;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON type each field of a request record must have, checked on the token stream before the
 * record is bound, because the binding coerces what does not fit ({@code "yes"} to false,
 * {@code 1.5} to 1, {@code ["IP"]} to "IP", a huge number to a boolean). A {@code String} comes
 * only from a JSON string, a {@code Boolean} only from true or false, an {@code Integer},
 * {@code Long}, {@code Short} or {@code Byte} only from a JSON integer in the Java type's range, a
 * list or an array only from a JSON array whose elements obey the same rules; null is fine
 * wherever the Java type can hold it (not for a primitive). Fields of other types, and names the
 * record does not have, are left to the binding; a field is known by its JSON name. The rules are read once per record type; a check
 * decodes no text and allocates nothing unless it refuses.
 */
final class JsonFieldTypes {

    /** What every refusal says, so that the error answer can find it in the framework's message. */
    static final Pattern REFUSAL = Pattern.compile("field '[^']*' must be .*");

    private static final ClassValue<Map<String, Rule>> RULES = new ClassValue<>() {
        @Override
        protected Map<String, Rule> computeValue(Class<?> type) {
            return rulesOf(type);
        }
    };

    private JsonFieldTypes() {
    }

    /**
     * Checks the object whose {@code START_OBJECT} is the parser's current token against the fields
     * of {@code type}, and leaves the parser on its {@code END_OBJECT}.
     *
     * @throws CodecException naming the first field whose value has the wrong JSON type
     */
    static void check(JsonParser parser, Class<?> type) throws IOException {
        Map<String, Rule> rules = RULES.get(type);
        if (rules.isEmpty()) {
            parser.skipChildren();
            return;
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            Rule rule = rules.get(field);
            if (rule == null) {
                parser.skipChildren();
            } else {
                rule.check(parser, value, field, -1);
            }
        }
    }

    private static Map<String, Rule> rulesOf(Class<?> type) {
        BeanIntrospection<?> introspection = BeanIntrospector.SHARED.findIntrospection(type).orElse(null);
        if (introspection == null) {
            return Map.of();
        }
        Map<String, Rule> rules = new HashMap<>();
        for (BeanProperty<?, Object> property : introspection.getBeanProperties()) {
            Rule rule = Rule.of(property.asArgument(), !property.getType().isPrimitive());
            if (rule.shape != Shape.ANY) {
                rules.put(property.getAnnotationMetadata().stringValue(SerdeConfig.class, SerdeConfig.PROPERTY)
                        .orElse(property.getName()), rule);
            }
        }
        return Map.copyOf(rules);
    }

    private enum Shape { STRING, BOOLEAN, INTEGER, ARRAY, ANY }

    /** What one field, or one element of a list field, must be. */
    private record Rule(Shape shape, long min, long max, boolean nullable, Rule element) {

        private static final Rule ANY = new Rule(Shape.ANY, 0, 0, true, null);

        static Rule of(Argument<?> argument, boolean nullable) {
            Class<?> type = argument.getType();
            if (type == String.class) {
                return new Rule(Shape.STRING, 0, 0, nullable, null);
            }
            if (type == Boolean.class || type == boolean.class) {
                return new Rule(Shape.BOOLEAN, 0, 0, nullable, null);
            }
            if (type == Integer.class || type == int.class) {
                return integer(Integer.MIN_VALUE, Integer.MAX_VALUE, nullable);
            }
            if (type == Long.class || type == long.class) {
                return integer(Long.MIN_VALUE, Long.MAX_VALUE, nullable);
            }
            if (type == Short.class || type == short.class) {
                return integer(Short.MIN_VALUE, Short.MAX_VALUE, nullable);
            }
            if (type == Byte.class || type == byte.class) {
                return integer(Byte.MIN_VALUE, Byte.MAX_VALUE, nullable);
            }
            if (type.isArray()) {
                return array(Argument.of(type.getComponentType()), nullable);
            }
            if (Iterable.class.isAssignableFrom(type)) {
                return array(argument.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT), nullable);
            }
            return ANY;
        }

        private static Rule integer(long min, long max, boolean nullable) {
            return new Rule(Shape.INTEGER, min, max, nullable, null);
        }

        /** Elements may be null here: whether a list may hold null is the command's to say. */
        private static Rule array(Argument<?> element, boolean nullable) {
            return new Rule(Shape.ARRAY, 0, 0, nullable, of(element, !element.getType().isPrimitive()));
        }

        /** {@code index}: the element's position in its list, or -1 for the field itself. */
        void check(JsonParser parser, JsonToken token, String field, int index) throws IOException {
            if (token == null) {
                return;
            }
            if (token == JsonToken.VALUE_NULL) {
                if (!nullable) {
                    throw refused(field, index, "null");
                }
                return;
            }
            switch (shape) {
                case STRING -> {
                    if (token != JsonToken.VALUE_STRING) {
                        throw refused(field, index, kind(token));
                    }
                }
                case BOOLEAN -> {
                    if (!token.isBoolean()) {
                        throw refused(field, index, kind(token));
                    }
                }
                case INTEGER -> {
                    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                        throw refused(field, index, "a number with a fraction or an exponent");
                    }
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        throw refused(field, index, kind(token));
                    }
                    if (!inRange(parser)) {
                        throw refused(field, index, "a number out of that range");
                    }
                }
                case ARRAY -> {
                    if (token != JsonToken.START_ARRAY) {
                        throw refused(field, index, kind(token));
                    }
                    int position = 0;
                    for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY && next != null;
                            next = parser.nextToken()) {
                        element.check(parser, next, field, position++);
                    }
                }
                case ANY -> parser.skipChildren();
            }
        }

        /** At most 20 characters: any longer is beyond a long (and the parser would not convert it). */
        private boolean inRange(JsonParser parser) throws IOException {
            if (parser.getTextLength() > 20) {
                return false;
            }
            JsonParser.NumberType type = parser.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                return false;
            }
            long value = parser.getLongValue();
            return value >= min && value <= max;
        }

        private CodecException refused(String field, int index, String found) {
            String name = index < 0 ? field : field + "[" + index + "]";
            return new CodecException("field '" + name + "' must be " + expected() + ", not " + found);
        }

        private String expected() {
            return switch (shape) {
                case STRING -> "a string";
                case BOOLEAN -> "true or false";
                case INTEGER -> "an integer from " + min + " to " + max;
                case ARRAY -> "an array";
                case ANY -> "a value";
            };
        }

    }

    /** What a JSON value is, in words: "a string", "an array". */
    static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> String.valueOf(token);
        };
    }
}
