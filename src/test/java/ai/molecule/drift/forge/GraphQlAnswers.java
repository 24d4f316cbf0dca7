package ai.molecule.drift.forge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import tools.jackson.databind.JsonNode;

/**
 * Checks a GraphQL answer against the query it answers and the schema: {@code data} has exactly the
 * selected fields (by alias), each value of its field's type (non-null, lists, scalars, enum values,
 * objects), and {@code errors} are objects with a {@code message}. A type-conditioned fragment on an
 * abstract type applies where {@code __typename} names that type, or, without {@code __typename}, where any
 * of its fields is present, and then all of them must be.
 */
final class GraphQlAnswers {

	private static final Set<String> ANSWER_KEYS = Set.of("data", "errors", "extensions");

	private static final Set<String> REQUEST_KEYS = Set.of("query", "variables", "operationName");

	private final GraphQLSchema schema;

	GraphQlAnswers(GraphQLSchema schema) {
		this.schema = schema;
	}

	/** What is wrong with a request body: {@code {"query": "...", "variables": {...}}} naming every variable it declares. */
	List<String> requestViolations(JsonNode body) {
		List<String> violations = new ArrayList<>();
		body.propertyNames().stream().filter((key) -> !REQUEST_KEYS.contains(key))
			.forEach((key) -> violations.add("request: unknown member " + key));
		if (!body.path("query").isString()) {
			return List.of("request: no query string");
		}
		OperationDefinition operation = operation(Parser.parse(body.get("query").asString()));
		Set<String> declared = operation.getVariableDefinitions().stream().map((v) -> v.getName())
			.collect(Collectors.toSet());
		JsonNode variables = body.path("variables");
		for (String name : variables.propertyNames()) {
			if (!declared.contains(name)) {
				violations.add("request: variable " + name + " is not declared");
			}
		}
		operation.getVariableDefinitions().stream()
			.filter((v) -> v.getType() instanceof graphql.language.NonNullType && !variables.has(v.getName()))
			.forEach((v) -> violations.add("request: required variable " + v.getName() + " is missing"));
		return violations;
	}

	/** What is wrong with an answer to {@code query}, each as {@code $.data.path: problem}; empty when it conforms. */
	List<String> violations(String query, JsonNode answer) {
		List<String> violations = new ArrayList<>();
		if (!answer.isObject()) {
			return List.of("$: not an object");
		}
		answer.propertyNames().stream().filter((key) -> !ANSWER_KEYS.contains(key))
			.forEach((key) -> violations.add("$: unknown member " + key));
		for (JsonNode error : answer.path("errors")) {
			if (!error.path("message").isString()) {
				violations.add("$.errors: an error without a message");
			}
		}
		JsonNode data = answer.path("data");
		if (data.isObject()) {
			Document document = Parser.parse(query);
			Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
				.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
			OperationDefinition operation = operation(document);
			GraphQLObjectType root = (operation.getOperation() == OperationDefinition.Operation.MUTATION)
					? schema.getMutationType() : schema.getQueryType();
			object(operation.getSelectionSet(), root, data, "$.data", fragments, violations);
		}
		else if (!data.isMissingNode() && !data.isNull()) {
			violations.add("$.data: not an object");
		}
		return violations;
	}

	private static OperationDefinition operation(Document document) {
		return document.getDefinitionsOfType(OperationDefinition.class).get(0);
	}

	private void object(SelectionSet selections, GraphQLCompositeType type, JsonNode value, String at,
			Map<String, FragmentDefinition> fragments, List<String> violations) {
		Set<String> keys = new HashSet<>();
		select(selections, type, value, at, fragments, violations, keys);
		for (String key : value.propertyNames()) {
			if (!keys.contains(key)) {
				violations.add(at + "." + key + ": not selected by the query");
			}
		}
	}

	private void select(SelectionSet selections, GraphQLCompositeType type, JsonNode value, String at,
			Map<String, FragmentDefinition> fragments, List<String> violations, Set<String> keys) {
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				String key = (field.getAlias() != null) ? field.getAlias() : field.getName();
				keys.add(key);
				if (!value.has(key)) {
					violations.add(at + "." + key + ": selected but missing");
				}
				else if (field.getName().equals("__typename")) {
					if (!value.get(key).isString()) {
						violations.add(at + "." + key + ": not a type name");
					}
				}
				else {
					GraphQLType fieldType = ((GraphQLFieldsContainer) type).getFieldDefinition(field.getName()).getType();
					value(fieldType, field, value.get(key), at + "." + key, fragments, violations);
				}
			}
			else {
				String condition = (selection instanceof InlineFragment inline) ? inline.getTypeCondition().getName()
						: fragments.get(((FragmentSpread) selection).getName()).getTypeCondition().getName();
				SelectionSet inner = (selection instanceof InlineFragment inline) ? inline.getSelectionSet()
						: fragments.get(((FragmentSpread) selection).getName()).getSelectionSet();
				GraphQLCompositeType conditionType = (GraphQLCompositeType) schema.getType(condition);
				if (applies(conditionType, type, inner, value)) {
					select(inner, conditionType, value, at, fragments, violations, keys);
				}
			}
		}
	}

	/** Whether a fragment on {@code condition} applies to an object answered for a field of type {@code type}. */
	private boolean applies(GraphQLCompositeType condition, GraphQLCompositeType type, SelectionSet inner,
			JsonNode value) {
		if (value.path("__typename").isString()) {
			GraphQLType actual = schema.getType(value.get("__typename").asString());
			return actual != null && (actual.equals(condition) || (actual instanceof GraphQLObjectType object
					&& !(condition instanceof GraphQLObjectType) && schema.isPossibleType(condition, object)));
		}
		if (condition.equals(type)) {
			return true;
		}
		return inner.getSelectionsOfType(Field.class).stream()
			.anyMatch((f) -> value.has((f.getAlias() != null) ? f.getAlias() : f.getName()));
	}

	private void value(GraphQLType type, Field field, JsonNode value, String at, Map<String, FragmentDefinition> fragments,
			List<String> violations) {
		if (type instanceof GraphQLNonNull nonNull) {
			if (value.isNull()) {
				violations.add(at + ": null for a non-null " + GraphQLTypeUtil.simplePrint(nonNull.getWrappedType()));
				return;
			}
			type = nonNull.getWrappedType();
		}
		if (value.isNull()) {
			return;
		}
		if (type instanceof GraphQLList list) {
			if (!value.isArray()) {
				violations.add(at + ": not a list");
				return;
			}
			for (int i = 0; i < value.size(); i++) {
				value(list.getWrappedType(), field, value.get(i), at + "[" + i + "]", fragments, violations);
			}
		}
		else if (type instanceof GraphQLScalarType scalar) {
			if (!scalar(scalar.getName(), value)) {
				violations.add(at + ": " + value + " is not a " + scalar.getName());
			}
		}
		else if (type instanceof GraphQLEnumType enumType) {
			if (enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName)
				.noneMatch((name) -> name.equals(value.asString(null)))) {
				violations.add(at + ": " + value + " is not a value of " + enumType.getName());
			}
		}
		else if (!value.isObject()) {
			violations.add(at + ": not an object");
		}
		else {
			object(field.getSelectionSet(), (GraphQLCompositeType) type, value, at, fragments, violations);
		}
	}

	/** GitHub's custom scalars (DateTime, GitObjectID, URI, ...) are strings on the wire. */
	private static boolean scalar(String name, JsonNode value) {
		return switch (name) {
			case "Int" -> value.isIntegralNumber() && value.canConvertToInt();
			case "Float" -> value.isNumber();
			case "Boolean" -> value.isBoolean();
			case "ID" -> value.isString() || value.isIntegralNumber();
			default -> value.isString();
		};
	}
}
