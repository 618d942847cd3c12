package io.fissile.kubernetes.model;

/**
 * Where things are in a Fissile pod, as Fission's pods have them: the environment's server on 8888,
 * the fetcher on 8000, the function's package under {@code /userfunc}, its secrets under
 * {@code /secrets/<namespace>/<name>/<key>} and config maps under {@code /configs/...}.
 */
public final class PodContract {

    public static final int RUNTIME_PORT = 8888;
    public static final int FETCHER_PORT = 8000;
    public static final String RUNTIME_CONTAINER = "runtime";
    public static final String FETCHER_CONTAINER = "fetcher";
    public static final String USERFUNC = "/userfunc";
    public static final String SECRETS = "/secrets";
    public static final String CONFIGS = "/configs";

    private PodContract() {
    }
}
