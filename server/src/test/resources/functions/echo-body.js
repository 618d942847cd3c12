// Answers with the request's body, byte for byte: a message queue trigger's response is the message.
module.exports = async function (context) {
    return { status: 200, body: context.request.rawBody };
};
