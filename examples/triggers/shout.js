// Called for each message of a queue trigger: answers with the message upper-cased (published to
// the trigger's response topic); a message containing "fail" fails (retried, then sent to the error topic).
module.exports = async function (context) {
    const message = context.request.rawBody.toString();
    if (message.includes("fail")) return { status: 500, body: "cannot handle: " + message };
    const topic = context.request.headers["x-fission-mqtrigger-topic"];
    return { status: 200, body: `${message.toUpperCase()} (from ${topic})` };
};
