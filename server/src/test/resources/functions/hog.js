// Takes memory until something stops it.
module.exports = async function () {
    const hog = [];
    for (;;) hog.push(new Array(1 << 20).fill(hog.length));
};
