// Does what the query asks: ?status=N answers N, ?sleep=MS waits first, ?crash=1 ends the process,
// ?log=TEXT writes a line to stdout.
module.exports = async function (context) {
    const q = context.request.query;
    if (q.log) console.log(q.log);
    if (q.sleep) await new Promise(resolve => setTimeout(resolve, Number(q.sleep)));
    if (q.crash) process.exit(3);
    return { status: Number(q.status || 200), body: "pid " + process.pid + "\n" };
};
