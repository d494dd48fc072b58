package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.redial.crm.jobber.internal.client.JobberOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake's schema subset is Jobber's, not ours: each input type and mutation signature that
 * {@code shared/docs/jobber/OPERATIONS.md} transcribes from the 2025-04-16 dump matches it field for field, every
 * output field we read exists with the same type in Jobber's own 2022-03-10 dump ({@code schema.json}), and every
 * document the adapter sends validates against the subset. Skipped where {@code shared/} is not beside the project.
 */
class JobberSchemaConformanceTests {

    static final GraphQLSchema subset = FakeJobberSchema.build(wiring -> wiring);
    static final Pattern INPUT = Pattern.compile("input (\\w+) \\{(.*?)}", Pattern.DOTALL);
    static final Pattern FIELD = Pattern.compile("(\\w+): ([\\[\\]\\w!]+)");
    /** Output fields OPERATIONS.md transcribes from 2025-04-16 with a type other than the 2022 dump's. */
    static final List<String> CHANGED_SINCE_2022 = List.of("ClientCreateNotePayload.client");
    static final Pattern MUTATION = Pattern.compile("(?m)^(\\w+)\\((.*?)\\): ([\\w!]+)\\s*$");

    @Test
    void inputTypesMatchTheTranscribed2025Definitions() {
        Map<String, Map<String, String>> transcribed = new LinkedHashMap<>();
        for (String block : graphqlBlocks()) {
            Matcher m = INPUT.matcher(block);
            while (m.find()) {
                transcribed.put(m.group(1), fields(m.group(2)));
            }
        }
        assertThat(transcribed).as("OPERATIONS.md's input types").hasSizeGreaterThan(20);
        transcribed.forEach((name, fields) -> {
            if (subset.getType(name) instanceof GraphQLInputObjectType ours) {
                Map<String, String> mine = new LinkedHashMap<>();
                ours.getFieldDefinitions().forEach(f -> mine.put(f.getName(), GraphQLTypeUtil.simplePrint(f.getType())));
                assertThat(mine).as(name).containsExactlyInAnyOrderEntriesOf(fields);
            }
        });
    }

    @Test
    void mutationSignaturesMatchTheTranscribed2025Definitions() {
        int compared = 0;
        for (String block : graphqlBlocks()) {
            Matcher m = MUTATION.matcher(block);
            while (m.find()) {
                GraphQLFieldDefinition ours = subset.getMutationType().getFieldDefinition(m.group(1));
                if (ours == null) {
                    continue;
                }
                Map<String, String> args = new LinkedHashMap<>();
                ours.getArguments().forEach(a -> args.put(a.getName(), GraphQLTypeUtil.simplePrint(a.getType())));
                assertThat(args).as(m.group(1)).containsExactlyEntriesOf(fields(m.group(2)));
                assertThat(GraphQLTypeUtil.simplePrint(ours.getType())).as(m.group(1)).isEqualTo(m.group(3));
                compared++;
            }
        }
        assertThat(compared).as("mutations compared").isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyOutputFieldWeReadHasJobbersOwnType() throws IOException {
        JsonNode types = JsonMapper.builder().build().readTree(jobberDocs().resolve("schema.json").toFile())
                .path("data").path("__schema").path("types");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        types.forEach(t -> byName.put(t.path("name").asString(), t));
        for (var type : subset.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")
                    || List.of("Query", "Mutation").contains(object.getName()) || !byName.containsKey(object.getName())) {
                continue;
            }
            Map<String, String> theirs = new LinkedHashMap<>();
            byName.get(object.getName()).path("fields").forEach(f -> theirs.put(f.path("name").asString(), print(f.path("type"))));
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                if (CHANGED_SINCE_2022.contains(object.getName() + "." + field.getName())) {
                    continue;
                }
                assertThat(theirs).as(object.getName() + "." + field.getName())
                        .containsEntry(field.getName(), GraphQLTypeUtil.simplePrint(field.getType()));
            }
        }
    }

    @Test
    void everyDocumentTheAdapterSendsIsValidAgainstTheSubset() {
        for (JobberOperation operation : JobberOperation.values()) {
            assertThat(ParseAndValidate.validate(subset, Parser.parse(operation.document()))).as(operation.operationName()).isEmpty();
        }
    }

    private static String print(JsonNode type) {
        return switch (type.path("kind").asString()) {
            case "NON_NULL" -> print(type.path("ofType")) + "!";
            case "LIST" -> "[" + print(type.path("ofType")) + "]";
            default -> type.path("name").asString();
        };
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(body.replaceAll("#[^\\n]*", ""));
        while (f.find()) {
            fields.put(f.group(1), f.group(2));
        }
        return fields;
    }

    private static List<String> graphqlBlocks() {
        try {
            String text = Files.readString(jobberDocs().resolve("OPERATIONS.md"));
            return Stream.of(text.split("```")).filter(b -> b.startsWith("graphql")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code shared/docs/jobber} beside the project (a worktree's parent or the repository's). */
    private static Path jobberDocs() {
        Path found = Stream.of("../../shared/docs/jobber", "../shared/docs/jobber").map(Path::of)
                .filter(p -> Files.isRegularFile(p.resolve("OPERATIONS.md"))).findFirst().orElse(null);
        assumeTrue(found != null, "shared/docs/jobber (OPERATIONS.md, schema.json) is not beside the project: conformance not checked");
        return found;
    }
}
