package io.fissile.runtime.local;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes' {@code $(NAME)} references in a container's command and args, replaced by the
 * variables' values: {@code $$} is one {@code $}, and an unknown name stays as written.
 */
final class VariableReferences {

    private VariableReferences() {
    }

    static List<String> expand(List<String> words, Map<String, String> variables) {
        return words.stream().map(word -> expand(word, variables)).toList();
    }

    static String expand(String word, Map<String, String> variables) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (c != '$' || i + 1 == word.length()) {
                out.append(c);
                i++;
            } else if (word.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (word.charAt(i + 1) == '(' && word.indexOf(')', i + 2) > 0) {
                int close = word.indexOf(')', i + 2);
                String name = word.substring(i + 2, close);
                String value = variables.get(name);
                out.append(value != null ? value : word.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
