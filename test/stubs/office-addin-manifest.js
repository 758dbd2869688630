// office-addin-manifest is ESM-only and pulls in network code; tests that need the manifest
// parse it themselves. This stub keeps jest from loading the real package by accident.
module.exports = {};
