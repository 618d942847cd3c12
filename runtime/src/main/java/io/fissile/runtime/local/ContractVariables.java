package io.fissile.runtime.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance's process environment: the environment contract's variables (docs/environments.md),
 * a PATH, and the spec's own variables, which may not override the contract's.
 */
final class ContractVariables {

    static final String LOOPBACK = "127.0.0.1";

    private ContractVariables() {
    }

    static Map<String, String> of(InstanceView view, int port, Map<String, String> specVariables, String path) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PATH", path);
        variables.put("LANG", "C.UTF-8");
        variables.putAll(specVariables);
        variables.put("PORT", Integer.toString(port));
        variables.put("HOST", LOOPBACK);
        variables.put("USERFUNC_DIR", view.userfunc());
        variables.put("SECRETS_DIR", view.secrets());
        variables.put("CONFIGS_DIR", view.configs());
        if (view.tmp() != null) variables.put("TMPDIR", view.tmp());
        return variables;
    }
}
