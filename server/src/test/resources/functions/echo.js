// Echoes what the function received, so tests can see what the router passed on.
module.exports = async function (context) {
    const req = context.request;
    return {
        status: 200,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
            method: req.method,
            url: req.url,
            query: req.query,
            headers: req.headers,
            body: req.body,
            pid: process.pid
        })
    };
};
