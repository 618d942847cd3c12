package io.fissile.api;

import io.fissile.api.internal.Mappers;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.api.v1.DeploymentConfig;
import io.fissile.api.v1.Kinds;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes resources as JSON and YAML. Reading never fails on fields it does not know
 * (they are kept); it fails on values of the wrong type, naming the field.
 */
public final class Codec {
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("^---(\\s.*)?$");
    private static final Pattern DOCUMENT_END = Pattern.compile("^\\.\\.\\.\\s*$");

    private Codec() {
    }

    public static String toJson(Object value) {
        return Mappers.JSON.writeValueAsString(value);
    }

    public static byte[] toJsonBytes(Object value) {
        return Mappers.JSON.writeValueAsBytes(value);
    }

    public static String toPrettyJson(Object value) {
        return Mappers.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    public static String toYaml(Object value) {
        return Mappers.YAML.writeValueAsString(value);
    }

    /** Reads JSON into a type, or throws an InvalidResourceException naming the bad field. */
    public static <T> T fromJson(String text, Class<T> type) {
        return read(Mappers.JSON, text, Mappers.JSON.constructType(type));
    }

    public static <T> T fromJson(byte[] bytes, Class<T> type) {
        return read(Mappers.JSON, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), Mappers.JSON.constructType(type));
    }

    /** Reads YAML (or JSON, which YAML includes) into a type. */
    public static <T> T fromYaml(String text, Class<T> type) {
        return read(mapperFor(text), text, Mappers.YAML.constructType(type));
    }

    /** Reads one resource of any stored kind from JSON or YAML, choosing the class by its {@code kind}. */
    public static Resource<?, ?> readResource(String text) {
        Object object = readObject(text);
        if (object instanceof Resource<?, ?> resource) {
            return resource;
        }
        throw new InvalidResourceException("document", new FieldError("kind",
                "\"" + ((Extensible) object).unknownField("kind") + "\" is a spec-only kind, not a stored resource"));
    }

    /** Reads one resource of the given kind from JSON or YAML; its {@code kind}, if written, must match. */
    public static <R extends Resource<?, ?>> R readResource(String text, Kind<R> kind) {
        ObjectNode tree = readTree(text);
        String written = tree.path("kind").asString(null);
        if (written != null && !written.isEmpty() && !written.equalsIgnoreCase(kind.name())) {
            throw new InvalidResourceException(kind.name(),
                    new FieldError("kind", "expected \"" + kind.name() + "\" but found \"" + written + "\""));
        }
        return treeTo(tree, kind.type());
    }

    /**
     * Reads one document of a spec file: a stored resource, a {@link DeploymentConfig} or an
     * {@link ArchiveUploadSpec}, by its {@code kind}.
     */
    public static Object readObject(String text) {
        ObjectNode tree = readTree(text);
        String kindName = tree.path("kind").asString("");
        if (kindName.isEmpty()) {
            throw new InvalidResourceException("document", new FieldError("kind", "is missing"));
        }
        if (kindName.equals(DeploymentConfig.KIND)) {
            return treeTo(tree, DeploymentConfig.class);
        }
        if (kindName.equals(ArchiveUploadSpec.KIND)) {
            return treeTo(tree, ArchiveUploadSpec.class);
        }
        Kind<?> kind = Kinds.named(kindName).orElseThrow(() -> new InvalidResourceException("document",
                new FieldError("kind", "unknown kind \"" + kindName + "\"; known kinds are "
                        + Kinds.all().stream().map(Kind::name).collect(Collectors.joining(", "))
                        + ", " + DeploymentConfig.KIND + " and " + ArchiveUploadSpec.KIND)));
        String apiVersion = tree.path("apiVersion").asString("");
        if (!apiVersion.isEmpty() && !apiVersion.equals(kind.apiVersion())) {
            throw new InvalidResourceException("document", new FieldError("apiVersion",
                    "expected \"" + kind.apiVersion() + "\" for kind " + kind.name() + " but found \"" + apiVersion + "\""));
        }
        return treeTo(tree, kind.type());
    }

    /** A list as the API returns it. */
    public static <R extends Resource<?, ?>> ResourceList<R> readList(String json, Kind<R> kind) {
        JavaType type = Mappers.JSON.getTypeFactory().constructParametricType(ResourceList.class, kind.type());
        return read(Mappers.JSON, json, type);
    }

    /** One line of a watch stream. */
    public static <R extends Resource<?, ?>> WatchEvent<R> readWatchEvent(String json, Kind<R> kind) {
        JavaType type = Mappers.JSON.getTypeFactory().constructParametricType(WatchEvent.class, kind.type());
        return read(Mappers.JSON, json, type);
    }

    /** A deep copy, through JSON. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        return (T) Mappers.JSON.treeToValue(Mappers.JSON.valueToTree(value), value.getClass());
    }

    /** True when both values write the same JSON tree (field order aside). */
    public static boolean sameContent(Object a, Object b) {
        if (a == null || b == null) return a == b;
        return Mappers.JSON.valueToTree(a).equals(Mappers.JSON.valueToTree(b));
    }

    /** Splits a YAML text into its documents ({@code ---}), keeping the line each starts at. Blank documents are dropped. */
    public static List<YamlDocument> splitDocuments(String text) {
        List<YamlDocument> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = 1;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (DOCUMENT_SEPARATOR.matcher(line).matches() || DOCUMENT_END.matcher(line).matches()) {
                addDocument(documents, current, startLine);
                current.setLength(0);
                startLine = i + 2;
                // "--- key: value" starts a document on the separator line itself.
                String rest = line.startsWith("---") ? line.substring(3).trim() : "";
                if (!rest.isEmpty()) {
                    current.append(rest).append('\n');
                    startLine = i + 1;
                }
            } else {
                current.append(line).append('\n');
            }
        }
        addDocument(documents, current, startLine);
        return documents;
    }

    /** One document of a YAML file: its number (from 1), the line it starts at, and its text. */
    public record YamlDocument(int number, int line, String text) {
    }

    private static void addDocument(List<YamlDocument> documents, StringBuilder text, int line) {
        boolean blank = text.toString().lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"));
        if (!blank) {
            documents.add(new YamlDocument(documents.size() + 1, line, text.toString()));
        }
    }

    private static ObjectMapper mapperFor(String text) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? Mappers.JSON : Mappers.YAML;
    }

    private static ObjectNode readTree(String text) {
        JsonNode node = read(mapperFor(text), text, Mappers.JSON.constructType(JsonNode.class));
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidResourceException("document", new FieldError("", "is empty"));
        }
        if (!node.isObject()) {
            throw new InvalidResourceException("document", new FieldError("", "expected an object with apiVersion, kind, metadata and spec"));
        }
        return (ObjectNode) node;
    }

    private static <T> T treeTo(JsonNode tree, Class<T> type) {
        try {
            return Mappers.JSON.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    private static <T> T read(ObjectMapper mapper, String text, JavaType type) {
        try {
            return mapper.readValue(text, type);
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /** Turns a Jackson failure into a field error: the path of the field and what was expected there. */
    private static InvalidResourceException invalid(JacksonException e) {
        String path = path(e.getPath());
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() == byte[].class) {
            // Bytes may be a secret's value: the message names the field and never repeats what is in it.
            message = "expected base64 text";
        } else if (e instanceof InvalidFormatException ife) {
            message = "expected " + describe(ife.getTargetType()) + " but found \"" + ife.getValue() + "\"";
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            message = "expected " + describe(mie.getTargetType());
        } else if (e instanceof StreamReadException) {
            TokenStreamLocation where = e.getLocation();
            message = "not valid JSON or YAML" + (where != null && where.getLineNr() > 0
                    ? " at line " + where.getLineNr() + ", column " + where.getColumnNr() : "")
                    + ": " + e.getOriginalMessage();
        } else {
            message = e.getOriginalMessage();
        }
        return new InvalidResourceException("document", new FieldError(path, message));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) return "another type";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "an integer";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type == byte[].class) return "base64 text";
        if (java.util.List.class.isAssignableFrom(type)) return "a list";
        if (java.util.Map.class.isAssignableFrom(type) || Extensible.class.isAssignableFrom(type)) return "an object";
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
