// Shows what the function can see: ?path=P answers the file's content (404 and the error code when it
// cannot be read); without it, its GREETING variable and where its secrets and config maps are.
const fs = require('fs');

module.exports = async function (context) {
    const path = context.request.query.path;
    if (!path) {
        return { status: 200, body: `${process.env.GREETING} ${process.env.SECRETS_DIR} ${process.env.CONFIGS_DIR}` };
    }
    try {
        return { status: 200, body: fs.readFileSync(path, 'utf8') };
    } catch (e) {
        return { status: 404, body: e.code || String(e) };
    }
};
