package org.learningmap.recognition.credentials;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The official 1EdTech OB 3.0 AchievementCredential JSON Schema (draft 2019-09), bundled. */
final class SchemaValidation {

    static final String RESOURCE = "/recognition/credentials/schemas/ob_v3p0_achievementcredential_schema.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Schema SCHEMA = load();

    private SchemaValidation() {
    }

    /** The schema's complaints about a credential (empty if it is valid). */
    static List<String> errors(String credentialJson) {
        JsonNode node = MAPPER.readTree(credentialJson);
        return SCHEMA.validate(node).stream().map(e -> e.toString()).toList();
    }

    /**
     * The complaints left after expanding the singular-value compaction OB 3.0 permits ({@code "proof": {}},
     * {@code "type": "X"}) into arrays, as the 1EdTech validator does before applying the plain-JSON schema.
     */
    static List<String> errorsAfterExpansion(String credentialJson) {
        JsonNode node = MAPPER.readTree(credentialJson);
        if (node instanceof ObjectNode object) {
            for (String field : List.of("type", "proof", "credentialSchema", "evidence", "termsOfUse")) {
                JsonNode value = object.get(field);
                if (value != null && !value.isArray()) {
                    ArrayNode array = MAPPER.createArrayNode();
                    array.add(value);
                    object.set(field, array);
                }
            }
        }
        return SCHEMA.validate(node).stream().map(e -> e.toString()).toList();
    }

    private static Schema load() {
        try (InputStream in = SchemaValidation.class.getResourceAsStream(RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
