// Called by a time trigger: logs which timer called it and for which scheduled time.
module.exports = async function (context) {
    const headers = context.request.headers;
    console.log(`tick from ${headers["x-fission-timer-name"]} for ${headers["x-fissile-timer-scheduled-time"]}`);
    return { status: 200, body: "ok\n" };
};
