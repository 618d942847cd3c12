package io.fissile.router.routes;

/** A piece of one template segment: literal text, or a {@code {name}} / {@code {name:regex}} variable. */
sealed interface TemplatePart {

    record Literal(String text) implements TemplatePart {
    }

    record Variable(String name, String regex) implements TemplatePart {
        /** A variable without a regex matches one whole segment or a part of one, as in gorilla/mux. */
        static final String DEFAULT_PATTERN = "[^/]+";

        String pattern() {
            return regex == null ? DEFAULT_PATTERN : regex;
        }

        /** True when the variable can never match text containing '/'. */
        boolean staysInSegment() {
            return regex == null || SlashFreeRegex.test(regex);
        }
    }
}
