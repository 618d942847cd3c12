package io.fissile.api.internal;

import io.fissile.api.v1.EnvVar;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for a function's {@code spec.env}: well-formed names, each once, none the platform sets itself. */
final class EnvVarRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** What the runtime sets for every instance (docs/environments.md); a function may not change them. */
    static final List<String> RESERVED = List.of("PORT", "HOST", "USERFUNC_DIR", "SECRETS_DIR", "CONFIGS_DIR", "TMPDIR");

    private EnvVarRules() {
    }

    static void check(List<EnvVar> variables, Problems p) {
        if (variables == null) return;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variables.size(); i++) {
            Problems v = p.at("env", i);
            EnvVar variable = variables.get(i);
            String name = variable == null ? null : variable.name();
            if (name == null || name.isEmpty()) {
                v.add("name", "is required");
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                v.add("name", "\"" + name + "\" is not a variable name: use letters, digits and '_', not starting with a digit");
            } else if (RESERVED.contains(name)) {
                v.add("name", "\"" + name + "\" is set by the platform for every instance; the reserved names are "
                        + String.join(", ", RESERVED));
            } else if (!seen.add(name)) {
                v.add("name", "\"" + name + "\" is set more than once");
            }
            if (variable.unknownField("valueFrom") != null) {
                v.add("valueFrom", "is not supported; give a value, or read the secret or config map from its files (spec.secrets, spec.configmaps)");
            }
        }
    }
}
