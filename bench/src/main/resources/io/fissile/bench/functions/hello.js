// The benchmarks' Node.js function: a constant answer, so that what is measured is the path to it.
module.exports = async function () {
    return { status: 200, body: "hello\n" };
};
