package org.casinoloyalty.stacktests;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The Compose Specification's JSON schema (draft-07), committed under test resources with its licence
 * (compose-spec/README.md there says where it comes from).
 */
final class ComposeSpecification {

	/** Loaded by location, not as a stream: the schema's relative $id needs a base to resolve against. */
	private static final String SCHEMA_LOCATION = "classpath:compose-spec/compose-spec.json";

	private final Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
		.getSchema(SchemaLocation.of(SCHEMA_LOCATION));

	/** One line per violation, naming where in the file it is; empty when the file conforms. */
	List<String> violations(JsonNode compose) {
		return schema.validate(compose).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
	}

}
