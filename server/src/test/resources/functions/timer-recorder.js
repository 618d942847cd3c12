// Logs what a timer's call brought, one line per call, so tests can read it back with `fn logs`.
module.exports = async function (context) {
    const req = context.request;
    console.log("timer-call method=" + req.method + " url=" + req.url
        + " timer=" + req.headers["x-fission-timer-name"]
        + " scheduled=" + req.headers["x-fissile-timer-scheduled-time"]);
    return { status: 200, body: "recorded\n" };
};
