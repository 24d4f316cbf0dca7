package ai.molecule.drift.job;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One lie a {@link FuzzGitea} tells: which answers it rewrites (the kind of endpoint, optionally one
 * repository or one page, and which occurrences of the same request) and how. Drawn from a seeded
 * {@link Random}; every choice made while rewriting an answer is drawn from a {@link Random} seeded by
 * the mutation and the occurrence, so that a seed replays the same lies whatever the threads do.
 *
 * @param kind how the answer is rewritten
 * @param endpoint which kind of request it applies to
 * @param scope a repository name or {@code page=N} that the request must name, or {@code null} for any
 * @param when which occurrences of one same request it applies to
 * @param salt seeds the choices made while rewriting
 */
record FuzzMutation(Kind kind, Endpoint endpoint, String scope, When when, long salt) {

	/** The requests a scan makes, by what they ask. */
	enum Endpoint {
		LIST, REPO, ROOT, FILE, BATCH, RAW, TAGS, RELEASES, ANY
	}

	/** Which occurrences of one request (same method, target and body) are rewritten. */
	enum When {
		FIRST, FIRST_TWO, SECOND_ON, ALWAYS;

		boolean applies(int occurrence) {
			return switch (this) {
				case FIRST -> occurrence == 1;
				case FIRST_TWO -> occurrence <= 2;
				case SECOND_ON -> occurrence >= 2;
				case ALWAYS -> true;
			};
		}
	}

	/** The ways an answer is rewritten. */
	enum Kind {
		/** Another status (error, redirect, no content), with Gitea's error body. */
		STATUS,
		/** A 200 HTML page, like a proxy's error or login page. */
		HTML,
		/** A 200 with no body at all. */
		EMPTY_BODY,
		/** A 200 whose body is the JSON {@code null}. */
		NULL_BODY,
		/** The body cut short at a random byte. */
		TRUNCATE,
		/** Bytes after the JSON. */
		TRAILING_GARBAGE,
		/** One JSON value replaced by a value of another type. */
		WRONG_TYPE,
		/** One JSON value replaced by a huge string or number. */
		HUGE_VALUE,
		/** One item of a list answer left out. */
		DROP_ITEM,
		/** One item of a list answer served twice. */
		DUPLICATE_ITEM,
		/** The items of a list answer in another order. */
		REORDER,
		/** The items of another page served under this page's headers. */
		OTHER_PAGE,
		/** {@code X-Total-Count} removed or lying. */
		TOTAL_COUNT,
		/** {@code Link} removed, looping, skipping, pointing elsewhere, or garbled. */
		LINK,
		/** An entry's {@code size} lying. */
		SIZE,
		/** An entry's {@code type} changed to another type. */
		ENTRY_TYPE,
		/** An entry's {@code name} (a repository's, a file's) changed. */
		RENAME,
		/** A root listing naming a pin file or vendored directory that is not there. */
		PHANTOM_ENTRY,
		/** A file's content changed (another length) since it was listed. */
		CONTENT,
		/** A flag ({@code empty}, {@code archived}, {@code private}, {@code draft}) flipped. */
		FLAG,
		/** {@code Content-Encoding: gzip} on a plain body. */
		ENCODING,
		/** The connection closed without an answer. */
		DROP_CONNECTION
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> PINS = List.of(".runtime-version", "Dockerfile", "requirements.txt");

	/**
	 * A random mutation: {@code repos} are the names a repository scope may take, {@code pages} how many
	 * pages the org listing has.
	 */
	static FuzzMutation random(Random random, List<String> repos, int pages) {
		Kind kind = pick(random, Kind.values());
		Endpoint endpoint = pick(random, Endpoint.values());
		String scope = null;
		if (endpoint == Endpoint.LIST && random.nextBoolean()) {
			scope = "page=" + (1 + random.nextInt(pages));
		}
		else if (endpoint != Endpoint.LIST && endpoint != Endpoint.ANY && endpoint != Endpoint.TAGS
				&& endpoint != Endpoint.RELEASES && random.nextInt(4) != 0) {
			scope = repos.get(random.nextInt(repos.size()));
		}
		return new FuzzMutation(kind, endpoint, scope, pick(random, When.values()), random.nextLong());
	}

	@Override
	public String toString() {
		return kind + " on " + endpoint + (scope == null ? "" : " of " + scope) + " " + when.name().toLowerCase()
				+ " #" + Long.toHexString(salt);
	}

	boolean matches(Endpoint requested, String decodedTarget, int occurrence) {
		if (endpoint != Endpoint.ANY && endpoint != requested) {
			return false;
		}
		if (requested == Endpoint.ROOT && (kind == Kind.DROP_ITEM || kind == Kind.RENAME)) {
			// The root listing says what exists, and nothing can check it (docs/design.md, "What the job trusts"):
			// a name it leaves out is absent, not a lie the job could catch.
			return false;
		}
		if (scope != null) {
			boolean named = scope.startsWith("page=")
					? decodedTarget.matches(".*[?&]" + scope + "(&.*)?")
					: decodedTarget.contains("/" + scope + "/") || decodedTarget.endsWith("/" + scope)
							|| decodedTarget.contains("/" + scope + "?");
			if (!named) {
				return false;
			}
		}
		return when.applies(occurrence);
	}

	/**
	 * Rewrites one answer. {@code otherPage} fetches the body of another page of the same list, for
	 * {@link Kind#OTHER_PAGE}.
	 */
	FuzzAnswer apply(FuzzAnswer answer, Endpoint requested, String decodedTarget, int occurrence, String baseUrl,
			IntFunction<byte[]> otherPage) {
		Random random = new Random(salt * 31 + occurrence * 7919L + decodedTarget.hashCode());
		// The root listing is trusted for what exists: renaming, removing or retyping one of its entries
		// (as another known type) is a lie nothing can catch, so only its other values are rewritten.
		boolean rootListing = requested == Endpoint.ROOT;
		return switch (kind) {
			case STATUS -> status(random, baseUrl);
			case HTML -> FuzzAnswer.of(200, "text/html; charset=utf-8",
					"<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>");
			case EMPTY_BODY -> answer.withBody(new byte[0]);
			case NULL_BODY -> answer.withBody("null".getBytes(StandardCharsets.UTF_8));
			case TRUNCATE -> answer.withBody(Arrays.copyOf(answer.body(),
					answer.body().length == 0 ? 0 : random.nextInt(answer.body().length)));
			case TRAILING_GARBAGE -> answer.withBody(concat(answer.body(),
					pick(random, "]", "}", ",{}", "<html>", "\u0000", " [1]").getBytes(StandardCharsets.UTF_8)));
			case WRONG_TYPE -> json(answer, (json) -> replaceRandom(random, json, wrongType(random), rootListing));
			case HUGE_VALUE -> json(answer, (json) -> replaceRandom(random, json, huge(random), rootListing));
			case DROP_ITEM -> json(answer, (root) -> {
				if (root instanceof ArrayNode array && !array.isEmpty()) {
					array.remove(random.nextInt(array.size()));
				}
				return root;
			});
			case DUPLICATE_ITEM -> json(answer, (root) -> {
				if (root instanceof ArrayNode array && !array.isEmpty()) {
					array.insert(random.nextInt(array.size() + 1), array.get(random.nextInt(array.size())).deepCopy());
				}
				return root;
			});
			case REORDER -> json(answer, (root) -> {
				if (root instanceof ArrayNode array) {
					List<JsonNode> items = new ArrayList<>();
					array.forEach(items::add);
					Collections.shuffle(items, random);
					array.removeAll();
					items.forEach(array::add);
				}
				return root;
			});
			case OTHER_PAGE -> {
				int page = pageOf(decodedTarget);
				int other = Math.max(1, page + pick(random, -1, 1, 2));
				yield (other == page) ? answer : answer.withBody(otherPage.apply(other));
			}
			case TOTAL_COUNT -> {
				String total = answer.headers().get("X-Total-Count");
				int honest = (total == null) ? 0 : Integer.parseInt(total);
				String lie = pick(random, null, "0", "-1", "abc", "", "99999999999999999999",
						Integer.toString(honest + 1), Integer.toString(Math.max(0, honest - 1)),
						Integer.toString(honest * 3 + 5), Integer.toString(honest / 2), " 3", "1e3");
				yield answer.withHeader("X-Total-Count", lie);
			}
			case LINK -> answer.withHeader("Link", link(random, answer.headers().get("Link"), decodedTarget, baseUrl));
			case SIZE -> json(answer, (root) -> {
				eachEntry(root, random, (entry) -> entry.put("size", pick(random, 0L, -1L, 1L, 3L, 6L, 8L, 100L,
						1L << 40, Long.MAX_VALUE)));
				return root;
			});
			case ENTRY_TYPE -> json(answer, (json) -> {
				eachEntry(json, random, (entry) -> entry.put("type", rootListing ? pick(random, "blob", "", "tree", "FILE")
						: pick(random, "file", "dir", "symlink", "submodule", "blob", "", "FILE")));
				return json;
			});
			case RENAME -> json(answer, (root) -> {
				eachEntry(root, random, (entry) -> {
					String name = entry.path("name").asString("");
					entry.put("name", pick(random, name.toUpperCase(), name + "-x", name + " ", "", "../" + name,
							name.isEmpty() ? "x" : name.substring(1)));
				});
				return root;
			});
			case PHANTOM_ENTRY -> json(answer, (root) -> {
				if (root instanceof ArrayNode array) {
					String name = pick(random, ".runtime-version", "Dockerfile", "requirements.txt", "workspace",
							"molecule_runtime");
					boolean dir = name.equals("workspace") || name.equals("molecule_runtime");
					ObjectNode entry = array.addObject();
					entry.put("name", name);
					entry.put("path", name);
					entry.put("type", dir ? "dir" : "file");
					entry.put("size", dir ? 0 : 7);
					entry.put("sha", "0000000000000000000000000000000000000000");
				}
				return root;
			});
			case CONTENT -> content(random, answer);
			case FLAG -> json(answer, (root) -> {
				eachEntry(root, random, (entry) -> {
					// Not "archived": the forge's own state, trusted as it cannot be checked.
					String flag = pick(random, "empty", "private", "draft", "prerelease");
					if (entry.has(flag)) {
						entry.put(flag, !entry.get(flag).asBoolean());
					}
				});
				return root;
			});
			case ENCODING -> answer.withHeader("Content-Encoding", pick(random, "gzip", "deflate", "br", "zstd"));
			case DROP_CONNECTION -> null;
		};
	}

	private static FuzzAnswer status(Random random, String baseUrl) {
		int status = pick(random, 204, 301, 302, 304, 400, 401, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503, 504);
		if (status == 204 || status == 304) {
			return FuzzAnswer.of(status, "application/json;charset=utf-8", "");
		}
		FuzzAnswer answer = FuzzAnswer.of(status, "application/json;charset=utf-8",
				"{\"errors\":null,\"message\":\"mutated\",\"url\":\"" + baseUrl + "/api/swagger\"}");
		if (status == 301 || status == 302) {
			return answer.withHeader("Location", pick(random, "http://192.0.2.1/api/v1/", baseUrl + "/api/v1/version"));
		}
		return (status == 429 || status == 503) ? answer.withHeader("Retry-After", "0") : answer;
	}

	private static String link(Random random, String honest, String target, String baseUrl) {
		String path = target.replaceAll("([?&])page=\\d+", "$1");
		int page = pageOf(target);
		String self = baseUrl + target;
		return pick(random, null, "", "garbage", "<" + self + ">; rel=\"next\"",
				"<" + baseUrl + path + (path.contains("?") ? "&" : "?") + "page=" + (page + 2) + ">; rel=\"next\"",
				"<http://192.0.2.1" + target + ">; rel=\"next\"",
				"<" + baseUrl + path + (path.contains("?") ? "&" : "?") + "page=1>; rel=\"next\"",
				(honest == null ? "" : honest.replaceAll("page=(\\d+)>; rel=\"last\"", "page=1$1>; rel=\"last\"")),
				(honest == null ? "" : honest.replaceAll(",?<[^>]*>; rel=\"next\"", "")),
				(honest == null ? "" : honest + ", <" + baseUrl + path + "&page=" + (page + 1) + ">; rel=\"next\""));
	}

	private static int pageOf(String target) {
		Matcher page = Pattern.compile("[?&]page=(\\d+)").matcher(target);
		return page.find() ? Integer.parseInt(page.group(1)) : 1;
	}

	/** A file's content, in a {@code contents} or {@code file-contents} answer or a raw body, of another length. */
	private static FuzzAnswer content(Random random, FuzzAnswer answer) {
		String type = answer.headers().getOrDefault("Content-Type", "");
		if (!type.startsWith("application/json")) {
			return answer.withBody(changed(random, answer.body()));
		}
		return json(answer, (root) -> {
			eachEntry(root, random, (entry) -> {
				JsonNode content = entry.get("content");
				if (content != null && content.isString()) {
					byte[] bytes = Base64.getMimeDecoder().decode(content.asString());
					entry.put("content", Base64.getEncoder().encodeToString(changed(random, bytes)));
				}
			});
			return root;
		});
	}

	private static byte[] changed(Random random, byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		String other = pick(random, text.replace("0.3.27", "0.3.2"), text.replace("0.3.27", "0.3.270"),
				text + "0.3.26\n", text.isEmpty() ? "x" : text.substring(0, text.length() - 1), "",
				text.replaceAll("\\d+\\.\\d+\\.\\d+", "0.3.1"));
		if (other.length() == text.length()) {
			other = text + "\n";
		}
		return other.getBytes(StandardCharsets.UTF_8);
	}

	/** Applies {@code change} to one object entry of the answer (an array's item, or the answer itself). */
	private static void eachEntry(JsonNode root, Random random, Consumer<ObjectNode> change) {
		List<ObjectNode> entries = new ArrayList<>();
		if (root instanceof ObjectNode object) {
			entries.add(object);
		}
		else if (root instanceof ArrayNode array) {
			array.forEach((item) -> {
				if (item instanceof ObjectNode object) {
					entries.add(object);
				}
			});
		}
		if (!entries.isEmpty()) {
			change.accept(entries.get(random.nextInt(entries.size())));
		}
	}

	/** Replaces one value (one entry's {@code type} or {@code size}, say; on a root listing not a whole entry nor a name). */
	private static JsonNode replaceRandom(Random random, JsonNode root, JsonNode replacement, boolean rootListing) {
		List<Map.Entry<JsonNode, Object>> slots = new ArrayList<>();
		collect(root, slots);
		if (rootListing) {
			slots.removeIf((slot) -> slot.getKey() == root || "name".equals(slot.getValue()));
		}
		if (slots.isEmpty() || random.nextInt(20) == 0) {
			return replacement;
		}
		Map.Entry<JsonNode, Object> slot = slots.get(random.nextInt(slots.size()));
		if (slot.getKey() instanceof ObjectNode object) {
			object.set((String) slot.getValue(), replacement);
		}
		else {
			((ArrayNode) slot.getKey()).set((Integer) slot.getValue(), replacement);
		}
		return root;
	}

	/** Every (container, key or index) under {@code node}. */
	private static void collect(JsonNode node, List<Map.Entry<JsonNode, Object>> slots) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				slots.add(Map.entry(object, name));
				collect(object.get(name), slots);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				slots.add(Map.entry(array, i));
				collect(array.get(i), slots);
			}
		}
	}

	private static JsonNode wrongType(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(random.nextBoolean());
			case 2 -> NODES.numberNode(random.nextInt(100) - 50);
			case 3 -> NODES.stringNode(pick(random, "", "true", "1", "file", "0.3.27"));
			case 4 -> NODES.arrayNode().add(1).add("x");
			case 5 -> NODES.objectNode().put("name", "x");
			default -> NODES.numberNode(1.5e300);
		};
	}

	private static JsonNode huge(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> NODES.stringNode("0.3.27".repeat(40_000));
			case 1 -> NODES.numberNode(new BigInteger("9".repeat(400)));
			case 2 -> NODES.numberNode(Long.MAX_VALUE);
			default -> NODES.stringNode("x".repeat(2_000));
		};
	}

	private static FuzzAnswer json(FuzzAnswer answer, UnaryOperator<JsonNode> change) {
		JsonNode root;
		try {
			root = JSON.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return answer;
		}
		if (root == null || root.isMissingNode()) {
			return answer;
		}
		return answer.withBody(JSON.writeValueAsBytes(change.apply(root)));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	/** One answer as the proxy serves it: status, headers by name, body. */
	record FuzzAnswer(int status, Map<String, String> headers, byte[] body) {

		static FuzzAnswer of(int status, String contentType, String body) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", contentType);
			return new FuzzAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8));
		}

		FuzzAnswer withBody(byte[] body) {
			return new FuzzAnswer(status, headers, body);
		}

		/** This answer with the header set, or removed when {@code value} is {@code null}. */
		FuzzAnswer withHeader(String name, String value) {
			Map<String, String> copy = new LinkedHashMap<>(headers);
			if (value == null) {
				copy.remove(name);
			}
			else {
				copy.put(name, value);
			}
			return new FuzzAnswer(status, copy, body);
		}
	}
}
