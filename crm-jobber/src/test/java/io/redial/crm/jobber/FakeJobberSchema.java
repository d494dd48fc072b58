package io.redial.crm.jobber;

import graphql.GraphQLContext;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.execution.CoercedVariables;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The fake's executable schema: the 2025-04-16 subset from {@code jobber/schema-2025-04-16.graphqls}, with
 * Jobber's custom scalars checked as Jobber documents them (an EncodedId is base64 of a {@code gid://Jobber/…}
 * id, dates and times are ISO 8601, a timezone is a TZ-database name).
 */
final class FakeJobberSchema {

    static final String RESOURCE = "/jobber/schema-2025-04-16.graphqls";

    private FakeJobberSchema() {
    }

    static String sdl() {
        try (InputStream in = FakeJobberSchema.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GraphQLSchema build(UnaryOperator<RuntimeWiring.Builder> fetchers) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(scalar("EncodedId", FakeJobberSchema::encodedId))
                .scalar(scalar("ISO8601Date", v -> parses(() -> LocalDate.parse(v))))
                .scalar(scalar("ISO8601Time", v -> parses(() -> LocalTime.parse(v))))
                .scalar(scalar("ISO8601DateTime", v -> parses(() -> OffsetDateTime.parse(v))))
                .scalar(scalar("Timezone", v -> parses(() -> ZoneId.of(v))))
                .scalar(scalar("ICalendarRule", v -> v.startsWith("RRULE:")))
                .scalar(scalar("Minutes", v -> v.matches("-?\\d+")));
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl()), fetchers.apply(wiring).build());
    }

    static boolean encodedId(String value) {
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8).matches("gid://Jobber/\\w+/\\d+");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static GraphQLScalarType scalar(String name, Predicate<String> valid) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object result, GraphQLContext context, Locale locale) {
                return String.valueOf(result);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                String text = String.valueOf(input);
                if (!valid.test(text)) {
                    throw new CoercingParseValueException("Could not coerce value \"" + text + "\" to " + name);
                }
                return text;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                String text = input instanceof StringValue s ? s.getValue() : String.valueOf(input);
                if (!valid.test(text)) {
                    throw new CoercingParseLiteralException("Could not coerce literal to " + name);
                }
                return text;
            }
        }).build();
    }
}
