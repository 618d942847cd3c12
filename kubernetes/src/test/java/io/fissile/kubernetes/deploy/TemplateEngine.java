package io.fissile.kubernetes.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Helm's Go templates Fissile's chart uses, since no helm binary is at hand:
 * {@code {{ .Values.a.b }}}, {@code .Release.*}, {@code .Chart.*}, string and number literals,
 * the pipes {@code default X} and {@code quote}, {@code if}/{@code else}/{@code end},
 * {@code define} and {@code include "name" .}, comments, and the {@code {{-}}/{@code -}}} trim
 * markers. Anything else fails with the file and line, and so does a value the values do not hold
 * (where Helm would silently print nothing), so the chart stays within what this checks.
 */
final class TemplateEngine {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(-\\s)?(.*?)(\\s-)?}}", Pattern.DOTALL);
    private static final Pattern INCLUDE = Pattern.compile("include\\s+\"([^\"]+)\"\\s+\\.");
    private static final Pattern DEFINE = Pattern.compile("define\\s+\"([^\"]+)\"");

    private final Map<String, List<Node>> definitions = new HashMap<>();

    /** Reads the {@code define}s of a helpers file ({@code _*.tpl}); its other text is not output, as in Helm. */
    void addDefinitions(String fileName, String text) {
        for (Node node : parse(fileName, text)) {
            if (!(node instanceof Define define) && !(node instanceof Text t && t.text().isBlank())) {
                throw new IllegalArgumentException(fileName + ": only define blocks belong in a helpers file, found " + node);
            }
        }
    }

    /** Renders one template against the root context ({@code Values}, {@code Release}, {@code Chart}). */
    String render(String fileName, String text, Map<String, Object> root) {
        StringBuilder out = new StringBuilder();
        execute(parse(fileName, text), root, out);
        return out.toString();
    }

    // ---- parsing: text and actions into a tree of nodes

    private sealed interface Node permits Text, Output, If, Define {
    }

    private record Text(String text) implements Node {
    }

    private record Output(String file, int line, String pipeline) implements Node {
    }

    private record If(String file, int line, String condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    private record Define(String name) implements Node {
    }

    private record Token(boolean action, String text, String file, int line) {
    }

    private List<Node> parse(String fileName, String text) {
        List<Token> tokens = tokenize(fileName, text);
        int[] position = {0};
        List<Node> nodes = parseUntil(tokens, position, fileName, false);
        if (position[0] < tokens.size()) {
            Token stray = tokens.get(position[0]);
            throw error(stray, "{{ " + stray.text() + " }} without a matching block");
        }
        return nodes;
    }

    /** Trim markers are applied here, so the tokens' text is exactly what is output. */
    private static List<Token> tokenize(String fileName, String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = ACTION.matcher(text);
        int last = 0;
        boolean trimNextText = false;
        while (matcher.find()) {
            String before = text.substring(last, matcher.start());
            if (trimNextText) before = before.stripLeading();
            if (matcher.group(1) != null) before = before.stripTrailing();
            tokens.add(new Token(false, before, fileName, lineOf(text, last)));
            tokens.add(new Token(true, matcher.group(2).trim(), fileName, lineOf(text, matcher.start())));
            trimNextText = matcher.group(3) != null;
            last = matcher.end();
        }
        String rest = text.substring(last);
        tokens.add(new Token(false, trimNextText ? rest.stripLeading() : rest, fileName, lineOf(text, last)));
        return tokens;
    }

    private List<Node> parseUntil(List<Token> tokens, int[] position, String fileName, boolean inBlock) {
        List<Node> nodes = new ArrayList<>();
        while (position[0] < tokens.size()) {
            Token token = tokens.get(position[0]);
            if (!token.action()) {
                if (!token.text().isEmpty()) nodes.add(new Text(token.text()));
                position[0]++;
                continue;
            }
            String action = token.text();
            if (action.equals("end") || action.equals("else")) {
                if (!inBlock) throw error(token, "{{ " + action + " }} outside a block");
                return nodes;
            }
            position[0]++;
            if (action.matches("(range|with|block|template|else if)\\b.*")) {
                throw error(token, "unsupported action {{ " + action + " }} (this renderer knows if, else, define, include)");
            }
            if (action.startsWith("/*")) {
                if (!action.endsWith("*/")) throw error(token, "unclosed comment");
            } else if (action.startsWith("if ")) {
                List<Node> then = parseUntil(tokens, position, fileName, true);
                List<Node> otherwise = List.of();
                if (closing(tokens, position, token).equals("else")) {
                    position[0]++;
                    otherwise = parseUntil(tokens, position, fileName, true);
                    if (!closing(tokens, position, token).equals("end")) throw error(token, "a second else");
                }
                position[0]++;
                nodes.add(new If(token.file(), token.line(), action.substring(3).trim(), then, otherwise));
            } else if (action.startsWith("define ")) {
                Matcher define = DEFINE.matcher(action);
                if (!define.matches()) throw error(token, "expected define \"name\"");
                List<Node> body = parseUntil(tokens, position, fileName, true);
                if (!closing(tokens, position, token).equals("end")) throw error(token, "else in a define");
                position[0]++;
                definitions.put(define.group(1), body);
                nodes.add(new Define(define.group(1)));
            } else {
                nodes.add(new Output(token.file(), token.line(), action));
            }
        }
        if (inBlock) throw new IllegalArgumentException(fileName + ": a block is not closed with {{ end }}");
        return nodes;
    }

    private static String closing(List<Token> tokens, int[] position, Token opening) {
        if (position[0] >= tokens.size()) throw error(opening, "{{ " + opening.text() + " }} is never closed");
        return tokens.get(position[0]).text();
    }

    // ---- execution

    private void execute(List<Node> nodes, Map<String, Object> root, StringBuilder out) {
        for (Node node : nodes) {
            switch (node) {
                case Text text -> out.append(text.text());
                case Output output -> out.append(print(output, evaluate(output.file(), output.line(), output.pipeline(), root, out)));
                case If branch -> execute(truthy(evaluate(branch.file(), branch.line(), branch.condition(), root, out))
                        ? branch.then() : branch.otherwise(), root, out);
                case Define ignored -> {
                }
            }
        }
    }

    /** A pipeline's value; {@code include} renders its definition instead (its output is the value). */
    private Object evaluate(String file, int line, String pipeline, Map<String, Object> root, StringBuilder out) {
        String[] stages = pipeline.split("\\|");
        Object value;
        Matcher include = INCLUDE.matcher(stages[0].trim());
        if (include.matches()) {
            List<Node> body = definitions.get(include.group(1));
            if (body == null) throw error(file, line, "no template named \"" + include.group(1) + "\" is defined");
            StringBuilder included = new StringBuilder();
            execute(body, root, included);
            value = included.toString();
        } else {
            value = term(file, line, stages[0].trim(), root);
        }
        for (int i = 1; i < stages.length; i++) {
            String stage = stages[i].trim();
            if (stage.equals("quote")) {
                value = quote(file, line, value);
            } else if (stage.startsWith("default ")) {
                if (!truthy(value)) value = term(file, line, stage.substring("default ".length()).trim(), root);
            } else {
                throw error(file, line, "unsupported function \"" + stage + "\" (this renderer knows default and quote)");
            }
        }
        return value;
    }

    private static Object term(String file, int line, String term, Map<String, Object> root) {
        if (term.startsWith("\"") && term.endsWith("\"") && term.length() >= 2) return term.substring(1, term.length() - 1);
        if (term.matches("-?\\d+")) return Long.parseLong(term);
        if (!term.startsWith(".") || term.length() < 2) {
            throw error(file, line, "unsupported expression \"" + term + "\"");
        }
        Object current = root;
        for (String key : term.substring(1).split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(key);
        }
        return current;
    }

    private static String print(Output output, Object value) {
        if (value == null) throw error(output.file(), output.line(), "{{ " + output.pipeline() + " }} has no value");
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error(output.file(), output.line(), "{{ " + output.pipeline() + " }} is a structure, not a scalar");
        }
        return value.toString();
    }

    private static String quote(String file, int line, Object value) {
        if (value == null) throw error(file, line, "quote of a missing value");
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Go's truth: false, 0, nil and empty strings and collections are false. */
    private static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case List<?> l -> !l.isEmpty();
            default -> true;
        };
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static IllegalArgumentException error(Token token, String message) {
        return error(token.file(), token.line(), message);
    }

    private static IllegalArgumentException error(String file, int line, String message) {
        return new IllegalArgumentException(file + ":" + line + ": " + message);
    }
}
