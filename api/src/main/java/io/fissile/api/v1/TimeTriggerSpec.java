package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

/** Calls a function on a cron schedule. */
public final class TimeTriggerSpec extends Extensible {
    private String cron;
    @JsonProperty("functionref")
    private FunctionReference functionRef;
    private String method;
    private String subpath;

    /** Five or six fields, a descriptor such as {@code @hourly}, or {@code @every 5s}. */
    public String cron() { return cron; }
    public TimeTriggerSpec cron(String cron) { this.cron = cron; return this; }

    public FunctionReference functionRef() { return functionRef; }
    public TimeTriggerSpec functionRef(FunctionReference functionRef) { this.functionRef = functionRef; return this; }

    /** POST when absent. */
    public String method() { return method; }
    public TimeTriggerSpec method(String method) { this.method = method; return this; }

    public String subpath() { return subpath; }
    public TimeTriggerSpec subpath(String subpath) { this.subpath = subpath; return this; }

    public String effectiveMethod() {
        return method == null || method.isEmpty() ? "POST" : method;
    }
}
